import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const root = path.resolve(import.meta.dirname, '../..');

/** KEY=value lines of an example file (commented-out ones too, as `.env.example` documents its variables that way). */
function exampleValues(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(path.join(root, file), 'utf8').split('\n')) {
    const m = /^#?\s*([A-Z][A-Z0-9_]*)=(\S*)/.exec(line);
    if (m && m[2]) out[m[1]!] = m[2];
  }
  return out;
}

const deploy = exampleValues('infra/deploy/.env.deploy.example');
/** The app's environment as infra/deploy/docker-compose.yml builds it from the example file. */
const composed = {
  NODE_ENV: 'production',
  PUBLIC_URL: `https://${deploy.RED_MUG_HOST}`,
  DATABASE_URL: `postgres://redmug:${deploy.POSTGRES_PASSWORD}@postgres:5432/redmug`,
  REDIS_URL: `redis://redmug:${deploy.REDIS_PASSWORD}@redis:6379`,
  SOCKETIO_REDIS_URL: `redis://redmug:${deploy.REDIS_SOCKETIO_PASSWORD}@redis-socketio:6379`,
  SESSION_SECRET: deploy.SESSION_SECRET,
  E2EE_SECRET: deploy.E2EE_SECRET,
  LIVEKIT_URL: `wss://${deploy.LIVEKIT_HOST}`,
  LIVEKIT_API_KEY: deploy.LIVEKIT_API_KEY,
  LIVEKIT_API_SECRET: deploy.LIVEKIT_API_SECRET,
};
/** livekit.yaml's example key pair. */
const livekitYaml = /keys:\n\s+(\S+): (\S+)/.exec(readFileSync(path.join(root, 'infra/deploy/livekit.yaml'), 'utf8'))!;

const good = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'q8V2mZt4LxN7cR1pWb9sK3fH6dJ0gY5uA2eT8iO4nM7v',
  E2EE_SECRET: 'Zr5Kx1Wq8Ln3Vc7Bm0Tg4Hy9Pd2Js6Fa1Ue5Io8Qw3Er',
  LIVEKIT_URL: 'wss://media.circles.example.org',
  LIVEKIT_API_KEY: 'APIf3Kd8Lq2Wz',
  LIVEKIT_API_SECRET: 'mB4nV7cX1zL9kJ3hG6fD0sA8pO5iU2yT7rE4wQ1qZ8x',
  DATABASE_URL: 'postgres://redmug:Vq3Xk8Lm2Zp7Rt5Wn9Bc@postgres:5432/redmug',
  REDIS_URL: 'redis://redmug:Hs6Jd1Kf8Lg3Zx5Cv2Bn@redis:6379',
};

function refusal(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('production secrets', () => {
  it('accepts random secrets', () => {
    expect(loadConfig(good).env).toBe('production');
  });

  it('the example deployment refuses to start, naming every variable that still holds an example value', () => {
    const message = refusal(composed);
    for (const name of ['SESSION_SECRET', 'E2EE_SECRET', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET', 'DATABASE_URL', 'REDIS_URL', 'SOCKETIO_REDIS_URL']) {
      expect(message).toMatch(new RegExp(`^  ${name}: `, 'm'));
    }
  });

  // Each example value alone, in the variable it is meant for.
  it.each([
    ['SESSION_SECRET', deploy.SESSION_SECRET],
    ['E2EE_SECRET', deploy.E2EE_SECRET],
    ['LIVEKIT_API_SECRET', deploy.LIVEKIT_API_SECRET],
    ['LIVEKIT_API_SECRET', livekitYaml[2]],
    ['LIVEKIT_API_KEY', deploy.LIVEKIT_API_KEY],
    ['LIVEKIT_API_KEY', livekitYaml[1]],
    ['DATABASE_URL', composed.DATABASE_URL],
    ['REDIS_URL', composed.REDIS_URL],
    // Long enough, but not secrets.
    ['SESSION_SECRET', 'a'.repeat(64)],
    ['SESSION_SECRET', 'abcabcabcabcabcabcabcabcabcabcabcabc'],
    ['E2EE_SECRET', 'changeme-changeme-changeme-changeme'],
    ['E2EE_SECRET', 'replace-with-a-long-random-value-please'],
    ['REDIS_URL', 'redis://:Pw7q9@redis:6379'],
  ])('%s = %s is refused', (name, value) => {
    const message = refusal({ ...good, [name]: value });
    expect(message).toMatch(new RegExp(`^  ${name}: `, 'm'));
    // It says which variable and why, never the value (a secret even when it is a bad one).
    expect(message.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(1);
    const secret = name.endsWith('_URL') ? decodeURIComponent(new URL(value!).password) : value!;
    expect(message).not.toContain(secret);
  });

  it('a short secret is refused with its name in every environment; placeholders are for development', () => {
    expect(refusal({ NODE_ENV: 'development', SESSION_SECRET: 'too-short' })).toMatch(/^ {2}SESSION_SECRET: .*at least 32/m);
    expect(loadConfig({ NODE_ENV: 'development', SESSION_SECRET: deploy.SESSION_SECRET }).sessionSecret).toBe(deploy.SESSION_SECRET);
  });

  it('the documented development values still start', () => {
    const example = exampleValues('server/src/.env.example');
    expect(() => loadConfig({ ...example, NODE_ENV: 'development' })).not.toThrow();
  });
});

describe('the program file', () => {
  const novaScotia = path.join(root, 'tests/fixtures/nova-scotia.json');

  it('is read from PROGRAM_FILE; without one the built-in program runs', () => {
    const ns = loadConfig({ PROGRAM_FILE: novaScotia });
    expect(ns.program.weeklyCircle.zone).toBe('America/Halifax');
    expect(ns.program.defaultLocale).toBe('fr-CA');
    expect(loadConfig({}).program.weeklyCircle.zone).toBe('America/Edmonton');
  });

  it("sends mail as the program's short name unless MAIL_FROM says otherwise", () => {
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).mail?.from).toBe('Red Mug <no-reply@localhost>');
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', PROGRAM_FILE: novaScotia }).mail?.from).toBe('Tasse bleue <no-reply@localhost>');
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'X <x@example.org>' }).mail?.from).toBe('X <x@example.org>');
  });

  it('refuses a file that is missing or not valid, naming the field', () => {
    expect(refusal({ PROGRAM_FILE: path.join(root, 'tests/fixtures/no-such-program.json') })).toMatch(/could not be read/);
    const dir = mkdtempSync(path.join(tmpdir(), 'redmug-program-'));
    try {
      const file = path.join(dir, 'program.json');
      const ns = JSON.parse(readFileSync(novaScotia, 'utf8')) as Record<string, unknown>;
      writeFileSync(file, JSON.stringify({ ...ns, accentColour: 'blue', holidays: { country: 'CA', region: 'XX' } }));
      expect(refusal({ PROGRAM_FILE: file })).toMatch(/^ {2}accentColour: /m);
      writeFileSync(file, JSON.stringify({ ...ns, holidays: { country: 'CA', region: 'XX' } }));
      expect(refusal({ PROGRAM_FILE: file })).toMatch(/^ {2}holidays\.region: date-holidays knows no region XX in CA/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the crisis and counselling lines', () => {
  it.each([
    ['CRISIS_TEXT', 'Call or text 9-8-8.', 'crisis.text'],
    ['COUNSELLING_PHONE', '1-877-555-0100', 'counselling.phone'],
    ['COUNSELLING_HOURS', 'Weekdays 8:30 a.m. to 4:30 p.m.', 'counselling.hours'],
  ])('come from the program file: a start with %s set is refused, naming the field to use instead', (name, value, field) => {
    expect(refusal({ [name]: value })).toMatch(new RegExp(`^ {2}${name}: ${name} is no longer read: give it as "${field.replace('.', '\\.')}" in the program file \\(PROGRAM_FILE`, 'm'));
  });
});
