import { chmodSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log';
import { ADMIN_COMMANDS, AdminOutcome } from './admin.commands';

/**
 * `npm run admin` while the app runs on its embedded store. PGlite admits one process (`store/storeLock.ts`), so
 * the command cannot open the store; it hands its arguments to the running app over a Unix socket in the data
 * directory and prints what the app answers: the change is made by the process that owns the store, at once.
 *
 * Same user only: the socket is 0600 inside a 0700 directory of this user's, made before the socket so it is never
 * reachable by others, not even between bind and chmod. Whoever can connect could open the data directory
 * itself, so the socket grants nothing new. One request per connection: a JSON line `{ argv }`, answered by one
 * JSON line (an `AdminOutcome`), sent only once the command has finished.
 */
export function adminSocketPath(dataDir: string): string {
  return path.join(dataDir, 'run', 'admin.sock');
}

const MAX_MESSAGE_CHARS = 64 * 1024;
const AdminRequest = z.object({ argv: z.array(z.string().max(4096)).max(64) });

export interface AdminSocket {
  close(): Promise<void>;
}

/** App side. Only the holder of the store's lock may call this: it takes over whatever socket file is there. */
export async function serveAdminCommands(
  dataDir: string,
  run: (argv: string[]) => Promise<AdminOutcome>,
  log: Logger,
): Promise<AdminSocket> {
  const file = adminSocketPath(dataDir);
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made = lstatSync(dir);
  if (!made.isDirectory() || made.uid !== process.getuid?.()) throw new Error(`${dir} is not a directory owned by this user`);
  chmodSync(dir, 0o700);
  // The lock is ours, so a socket file already here was left by an app that died.
  rmSync(file, { force: true });
  const server = net.createServer((conn) => answer(conn, run, log));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => log.warn('admin.socket_error', { error: err.message }));
  chmodSync(file, 0o600);
  return {
    // Waits for commands under way, so none is cut off between its write and its answer.
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function answer(conn: net.Socket, run: (argv: string[]) => Promise<AdminOutcome>, log: Logger): void {
  conn.setEncoding('utf8');
  // A client that connects and says nothing is dropped; the timeout is lifted once the request is in.
  conn.setTimeout(10_000, () => conn.destroy());
  conn.on('error', () => undefined);
  let received = '';
  const onData = (chunk: string) => {
    received += chunk;
    const end = received.indexOf('\n');
    if (end < 0) {
      if (received.length > MAX_MESSAGE_CHARS) conn.destroy();
      return;
    }
    conn.off('data', onData);
    conn.setTimeout(0);
    const request = AdminRequest.safeParse(parseJson(received.slice(0, end)));
    if (!request.success) {
      conn.end(JSON.stringify({ lines: [], failure: { message: 'Malformed request', usage: false } } satisfies AdminOutcome) + '\n');
      return;
    }
    // The command name only: arguments carry emails and passwords.
    const command = ADMIN_COMMANDS.find((c) => c === request.data.argv[0]) ?? 'unknown';
    void run(request.data.argv)
      .catch((err: unknown): AdminOutcome => {
        log.error('admin.command_failed', { command, error: err instanceof Error ? err.message : String(err) });
        return { lines: [], failure: { message: 'The command failed in the running app; see its log', usage: false } };
      })
      .then((outcome) => {
        log.info('admin.command', { command, ok: outcome.failure === null });
        conn.end(JSON.stringify(outcome) + '\n');
      });
  };
  conn.on('data', onData);
}

/** What became of a command sent to the app: answered, never delivered (nothing done), or delivered but unanswered. */
export type Delivery =
  | { kind: 'answered'; outcome: AdminOutcome }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'unanswered' };

/** Command-line side: sends `argv` to the app serving `dataDir`, if one does. */
export function sendToRunningApp(dataDir: string, argv: string[], timeoutMs = 60_000): Promise<Delivery> {
  return new Promise((resolve) => {
    const conn = net.createConnection(adminSocketPath(dataDir));
    conn.setEncoding('utf8');
    conn.setTimeout(timeoutMs, () => conn.destroy());
    let connected = false;
    let failedWith = '';
    let received = '';
    conn.on('connect', () => {
      connected = true;
      // Not end(): the app would close its side with ours, before it answers.
      conn.write(JSON.stringify({ argv }) + '\n');
    });
    conn.on('data', (chunk: string) => {
      received += chunk;
      if (received.length > MAX_MESSAGE_CHARS) conn.destroy();
    });
    conn.on('error', (err: NodeJS.ErrnoException) => (failedWith = err.code ?? err.message));
    conn.on('close', () => {
      const reply = AdminOutcome.safeParse(parseJson(received.split('\n')[0] ?? ''));
      if (reply.success) resolve({ kind: 'answered', outcome: reply.data });
      else if (!connected) resolve({ kind: 'unreachable', reason: failedWith });
      else resolve({ kind: 'unanswered' });
    });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
