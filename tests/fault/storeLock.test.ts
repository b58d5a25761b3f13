import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSocketPath } from '../../server/src/admin/admin.socket';
import { openDb } from '../../server/src/store/db';
import { lockDataDir } from '../../server/src/store/storeLock';
import { startAppProcess, type AppProcess } from '../support/appProcess';
import { ApiClient } from '../support/httpClient';
import { freshPostgresDatabase } from '../support/postgres';
import { TEST_SECRET } from '../support/testApp';
import { PASSWORD } from '../support/users';

/**
 * Issue #12: PGlite admits one process, and `npm run admin` beside a running app used to report accounts and
 * password resets that the app then overwrote. Now the embedded store is locked by whoever opens it: the admin
 * command goes through the running app, or refuses and changes nothing; a second app refuses to start; a killed
 * app's lock does not outlive it. Real app and command processes throughout.
 */
const root = path.resolve(import.meta.dirname, '../..');
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function dataDirForTest(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'redmug-lock-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function startApp(env: Record<string, string>): Promise<AppProcess> {
  const app = await startAppProcess({ SESSION_SECRET: TEST_SECRET, ...env });
  cleanups.push(() => app.stop('SIGKILL'));
  return app;
}

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run admin -- ARGS` as its own process, with only the environment given here. */
async function admin(env: Record<string, string>, ...args: string[]): Promise<Ran> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/admin.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const { code, stdout, stderr } = err as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const shownOnce = (stdout: string) => /\(shown once\): (\S+)/.exec(stdout)?.[1] ?? '';
const signInStatus = async (url: string, email: string, password: string) => (await new ApiClient(url).signIn(email, password)).status;

describe('npm run admin while the app runs on its embedded store', () => {
  const env = { DATA_DIR: '' };
  let app: AppProcess;
  /** The account's password as the last command printed it. */
  let password = '';
  beforeAll(async () => {
    env.DATA_DIR = dataDirForTest();
    app = await startApp(env);
  });

  it('user:add goes through the app: the account signs in at once', async () => {
    const added = await admin(env, 'user:add', '--email', 'new2@firm.ca', '--role', 'member', '--kind', 'lawyer', '--name', 'New');
    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('Created member (lawyer) new2@firm.ca') });
    expect(added.stderr).toContain(`Sent to the running Red Mug (pid ${app.proc.pid})`);
    password = shownOnce(added.stdout);
    expect(await signInStatus(app.url, 'new2@firm.ca', password)).toBe(200);
  });

  it('user:password goes through the app: the new password works at once, the old one no longer', async () => {
    const before = password;
    const reset = await admin(env, 'user:password', '--email', 'new2@firm.ca');
    expect(reset).toMatchObject({ code: 0, stdout: expect.stringContaining('Password changed for new2@firm.ca') });
    password = shownOnce(reset.stdout);
    expect(await signInStatus(app.url, 'new2@firm.ca', before)).toBe(401);
    expect(await signInStatus(app.url, 'new2@firm.ca', password)).toBe(200);
  });

  it('invite:create goes through the app (its own origin in the link); failures come back with their exit codes', async () => {
    const [invite, taken] = await Promise.all([
      admin(env, 'invite:create', '--role', 'volunteer'),
      admin(env, 'user:add', '--email', 'new2@firm.ca', '--role', 'staff', '--name', 'Again'),
    ]);
    expect(invite).toMatchObject({ code: 0, stdout: expect.stringContaining(`${app.url}/invite/`) });
    expect(taken).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('already exists') });
  });

  it('the socket is for this user only, and refuses what is not a command', async () => {
    const socket = adminSocketPath(env.DATA_DIR);
    expect(statSync(path.dirname(socket)).mode & 0o777).toBe(0o700);
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    const exchange = (payload: string) =>
      new Promise<string>((resolve) => {
        let reply = '';
        const conn = createConnection(socket, () => conn.write(payload));
        conn.on('data', (c) => (reply += c.toString()));
        conn.on('error', () => undefined);
        conn.on('close', () => resolve(reply));
      });
    expect(JSON.parse(await exchange('{"argv": "user:add"}\n'))).toEqual({ lines: [], failure: { message: 'Malformed request', usage: false } });
    expect(await exchange('x'.repeat(100_000))).toBe('');
    expect(await signInStatus(app.url, 'new2@firm.ca', password)).toBe(200);
  });

  it('a second app on the same data directory refuses to start, and the first keeps serving', async () => {
    await expect(startApp(env)).rejects.toThrow(
      new RegExp(`exited during start-up \\(1\\)[\\s\\S]*Red Mug is already running on this data directory \\(pid ${app.proc.pid},`),
    );
    expect(await signInStatus(app.url, 'new2@firm.ca', password)).toBe(200);
  });

  it('killed with SIGKILL, the app leaves no lock behind: the next start serves what the commands did', async () => {
    await app.stop('SIGKILL');
    const next = await startApp(env);
    expect(await signInStatus(next.url, 'new2@firm.ca', password)).toBe(200);
  });
});

describe('npm run admin when it cannot go through the app', () => {
  it('an app that holds the store but does not answer yet: both commands refuse and change nothing', async () => {
    const dataDir = dataDirForTest();
    // The app's lock without its socket, as between opening the store and listening.
    const starting = lockDataDir(path.join(dataDir, 'pglite'), 'app');
    try {
      const refusals = await Promise.all([
        admin({ DATA_DIR: dataDir }, 'user:add', '--email', 'new2@firm.ca', '--role', 'member', '--kind', 'lawyer', '--name', 'New'),
        admin({ DATA_DIR: dataDir }, 'user:password', '--email', 'new2@firm.ca'),
      ]);
      for (const refused of refusals) {
        expect(refused).toMatchObject({ code: 1, stdout: '' });
        expect(refused.stderr).toContain('Red Mug is running on this data directory: use the People page, or stop it first.');
        expect(refused.stderr).toContain(`Red Mug (pid ${process.pid}) holds`);
        expect(refused.stderr).toContain('it may still be starting');
        expect(refused.stderr).toContain('Nothing was changed.');
      }
      // Refused before opening anything: the store was not even created.
      expect(existsSync(path.join(dataDir, 'pglite'))).toBe(false);
    } finally {
      starting.release();
    }
  });

  it('on PostgreSQL the command writes beside the running app, as before', async () => {
    const env = { DATABASE_URL: await freshPostgresDatabase() };
    const app = await startApp(env);
    const added = await admin(env, 'user:add', '--email', 'pg@firm.ca', '--role', 'staff', '--name', 'Pat', '--password', PASSWORD);
    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('Created staff pg@firm.ca') });
    expect(added.stderr).not.toContain('Sent to the running');
    expect(await signInStatus(app.url, 'pg@firm.ca', PASSWORD)).toBe(200);
  });
});

describe('one process per embedded data directory', () => {
  it('while npm run admin has the store, the app and a second command refuse; once it is done, the app starts with its account', async () => {
    const dataDir = dataDirForTest();
    const env = { DATA_DIR: dataDir };
    // The admin command's lock, taken through the same module, as in the middle of its work.
    const command = lockDataDir(path.join(dataDir, 'pglite'), 'admin');
    try {
      const [app, another] = await Promise.allSettled([
        startApp(env),
        admin(env, 'user:add', '--email', 'x@firm.ca', '--role', 'staff', '--name', 'X', '--password', PASSWORD),
      ]);
      expect(app).toMatchObject({
        status: 'rejected',
        reason: expect.objectContaining({
          message: expect.stringMatching(
            new RegExp(`exited during start-up \\(1\\)[\\s\\S]*npm run admin \\(pid ${process.pid}\\) has the store in \\S+ open: start Red Mug again once it has finished`),
          ),
        }),
      });
      expect(another).toMatchObject({ status: 'fulfilled', value: { code: 1, stdout: '' } });
      expect((another as PromiseFulfilledResult<Ran>).value.stderr).toContain(
        `Another npm run admin (pid ${process.pid}) is using this data directory: try again when it has finished.`,
      );
    } finally {
      command.release();
    }

    expect(await admin(env, 'user:add', '--email', 'lee@firm.ca', '--role', 'staff', '--name', 'Lee', '--password', PASSWORD)).toMatchObject({ code: 0 });
    const app = await startApp(env);
    expect(await signInStatus(app.url, 'lee@firm.ca', PASSWORD)).toBe(200);
    expect(await signInStatus(app.url, 'x@firm.ca', PASSWORD)).toBe(401);
  });

  it('in one process too: opening a held store is refused with who holds it, before PGlite reads it; releasing frees it', async () => {
    const dataDir = path.join(dataDirForTest(), 'pglite');
    const held = lockDataDir(dataDir, 'other');
    await expect(openDb({ dataDir, owner: 'app' })).rejects.toMatchObject({ name: 'StoreLockedError', holder: { pid: process.pid, owner: 'other' } });
    expect(existsSync(dataDir)).toBe(false);
    held.release();
    lockDataDir(dataDir, 'app').release();
  });
});
