import type { Logger } from './log';

/** Background work the server repeats: reconciling attendance, folding it into aggregates, retention. */
export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface JobRunner {
  stop(): void;
}

/**
 * Starts every job on its own interval (unref'd, so it never keeps a process alive). A run still going when the
 * next is due is not started twice; a failure is logged by job name (never with data) and the next run goes on.
 */
export function startJobs(jobs: readonly Job[], log: Logger): JobRunner {
  const timers = jobs.map((job) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      job
        .run()
        .catch((err: unknown) => log.warn('job.failed', { job: job.name, error: err instanceof Error ? err.name : 'unknown' }))
        .finally(() => {
          running = false;
        });
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return {
    stop: () => timers.forEach((t) => clearInterval(t)),
  };
}
