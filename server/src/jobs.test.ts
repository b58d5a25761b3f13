import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startJobs } from './jobs';
import { createLogger } from './log';

describe('startJobs', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const logged = () => {
    const lines: string[] = [];
    return { lines, log: createLogger('debug', (l) => lines.push(l)) };
  };

  it('runs each job on its interval until stopped', async () => {
    const { log } = logged();
    let runs = 0;
    const jobs = startJobs([{ name: 'count', everyMs: 1000, run: async () => void runs++ }], log);
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs).toBe(3);
    jobs.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(3);
  });

  it('does not start a run while the previous one is still going', async () => {
    const { log } = logged();
    let started = 0;
    let finish: () => void = () => undefined;
    const jobs = startJobs([{ name: 'slow', everyMs: 1000, run: () => (started++, new Promise<void>((r) => (finish = r))) }], log);
    await vi.advanceTimersByTimeAsync(3500);
    expect(started).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toBe(2);
    jobs.stop();
  });

  it('logs a failure by job name only, and keeps running', async () => {
    const { log, lines } = logged();
    let runs = 0;
    const jobs = startJobs(
      [
        {
          name: 'flaky',
          everyMs: 1000,
          run: async () => {
            runs++;
            if (runs === 1) throw new TypeError('secret detail: jane@example.com');
          },
        },
      ],
      log,
    );
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs).toBe(2);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', event: 'job.failed', job: 'flaky', error: 'TypeError' });
    expect(lines[0]).not.toContain('jane@example.com');
    jobs.stop();
  });
});
