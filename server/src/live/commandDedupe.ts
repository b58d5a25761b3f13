import { keyedHash, keyedHasher } from './sealed';

/**
 * What the server remembers of the commands it applied, so that a command retried after a lost ack applies once.
 * Keyed by a person and the client-made command id; one interface, two implementations (memory for one instance,
 * Redis for several) that pass the same contract tests.
 *
 * An outcome is kept for the connection-recovery window. It must hold no names, emails, typed topics or chat
 * text: the pipeline stores only answers made of ids and flags, and rebuilds any other answer from the state now.
 */
export interface CommandDedupe {
  /**
   * Claims a command id for a command about to run, or tells what became of the first run with that id. Atomic:
   * of any number of claims at once (on any instance), exactly one is `new`.
   */
  claim(person: string, commandId: string): Promise<Claim>;
  /** The command applied: keep its outcome for `keepMs`, for the repeats. */
  settle(person: string, commandId: string, outcome: string): Promise<void>;
  /** The command applied nothing (refused, or failed): forget the claim, so a retry is judged afresh. */
  release(person: string, commandId: string): Promise<void>;
}

export type Claim =
  /** Nobody ran this command yet: the caller runs it, then settles or releases. */
  | { state: 'new' }
  /** The first run has not finished (or its instance died mid-command, until `runningMs` passes). */
  | { state: 'running' }
  | { state: 'done'; outcome: string };

export interface DedupeTimes {
  /** How long a claim stands without an outcome: longer than any command runs, short enough that a retry after a crash mid-command is not refused for long. */
  runningMs: number;
  /** How long an outcome is kept: the connection-recovery window, within which a client retries. */
  keepMs: number;
}

/** A claim stands this long without an outcome; the web client gives up on an answer after 2 × 8 s. */
export const RUNNING_CLAIM_MS = 30_000;

const COMMANDS_PURPOSE = 'commands';

/**
 * Whose commands these are, as the store sees them: a keyed hash of the account id, so the store (Redis) never
 * holds an account id next to a trace of what someone just did in a circle.
 */
export function commandOwner(secret: string, userId: string): string {
  return keyedHash(secret, COMMANDS_PURPOSE, userId);
}
/** `commandOwner` remembered per account, for the command pipeline. */
export const commandOwners = (secret: string): ((userId: string) => string) => keyedHasher(secret, COMMANDS_PURPOSE);
