import { runAdminCommand, USAGE, type AdminOutcome } from './admin/admin.commands';
import { adminSocketPath, sendToRunningApp } from './admin/admin.socket';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { configuredStore, openDb } from './store/db';
import { describeHolder, StoreLockedError } from './store/storeLock';

/**
 * Administration from the command line, against the same store the app uses (DATA_DIR or DATABASE_URL).
 *   npm run admin -- user:add --email a@b.ca --role staff --name Alex [--kind lawyer [--year-of-call 2019]] [--password ...]
 *   npm run admin -- user:password --email a@b.ca [--password ...]
 *   npm run admin -- invite:create --role member --kind articling_student [--email a@b.ca]
 *   npm run admin -- user:add --email audit@b.ca --role auditor --name Ada   (reads the audit log only)
 * Without --password a strong one is generated and printed once.
 *
 * On PostgreSQL the command writes beside any running app. The embedded store admits one process, so while the
 * app runs on it the app carries the command out (`admin/admin.socket.ts`); when it cannot, the command refuses
 * and changes nothing. It never reports a change that another process would then overwrite.
 */
async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  let db;
  try {
    db = await openDb(configuredStore(config, 'admin'));
  } catch (err) {
    if (err instanceof StoreLockedError) return viaRunningApp(config.dataDir, argv, err);
    throw err;
  }
  let outcome: AdminOutcome;
  try {
    outcome = await runAdminCommand(argv, { db, config, clock: systemClock });
  } finally {
    await db.close();
  }
  return report(outcome);
}

async function viaRunningApp(dataDir: string, argv: string[], locked: StoreLockedError): Promise<number> {
  const { holder } = locked;
  const delivery = await sendToRunningApp(dataDir, argv);
  if (delivery.kind === 'answered') {
    process.stderr.write(`Sent to the running Red Mug${holder ? ` (pid ${holder.pid})` : ''}, which has this data directory open.\n`);
    return report(delivery.outcome);
  }
  if (delivery.kind === 'unanswered') {
    process.stderr.write(
      'The running Red Mug took the command but closed the connection without an answer, so whether it was done is ' +
        'unknown: look on the People page before trying again.\n',
    );
    return 1;
  }
  const refusal =
    holder?.owner === 'admin'
      ? `Another npm run admin (pid ${holder.pid}) is using this data directory: try again when it has finished.`
      : holder?.owner === 'other'
        ? `${describeHolder(holder)} has this data directory's store open: try again when it has finished.`
        : 'Red Mug is running on this data directory: use the People page, or stop it first.\n' +
          `(${describeHolder(holder)} holds ${locked.dataDir} and did not take the command: ${unreachable(delivery.reason, dataDir)}.)`;
  process.stderr.write(`${refusal}\nNothing was changed.\n`);
  return 1;
}

function unreachable(code: string, dataDir: string): string {
  const socket = adminSocketPath(dataDir);
  if (code === 'ENOENT') return `no socket at ${socket} yet; it may still be starting`;
  if (code === 'ECONNREFUSED') return `nothing answers at ${socket}`;
  if (code === 'EACCES') return `${socket} belongs to another user`;
  return `${socket}: ${code}`;
}

function report(outcome: AdminOutcome): number {
  for (const line of outcome.lines) process.stdout.write(line + '\n');
  if (!outcome.failure) return 0;
  process.stderr.write(`${outcome.failure.message}\n${outcome.failure.usage ? `\n${USAGE}\n` : ''}`);
  return outcome.failure.usage ? 2 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
