import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../http/errors';

/**
 * argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane). Never lower these to make
 * a benchmark faster.
 */
const PARAMS = { algorithm: 2 /* Argon2id; the package exports it as an ambient const enum */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

/**
 * At most this many argon2 verifications at once (each takes 19 MiB and tens of milliseconds of a core), and at
 * most this many waiting: a flood of sign-ins is told to try again rather than exhausting memory and CPU.
 */
export const VERIFY_CONCURRENCY = 4;
export const VERIFY_QUEUE = 64;
let running = 0;
const waiting: Array<() => void> = [];

/** Runs `work` when a verification slot is free; refuses at once when the queue is full. */
export async function withVerifySlot<T>(work: () => Promise<T>, limits = { concurrency: VERIFY_CONCURRENCY, queue: VERIFY_QUEUE }): Promise<T> {
  if (running < limits.concurrency) running++;
  else if (waiting.length >= limits.queue) {
    throw new AppError(503, 'SERVICE_UNAVAILABLE', 'auth.error.busy');
  } else {
    // Woken with the slot of the one that finished, handed over directly (never counted twice).
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  return withVerifySlot(async () => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  });
}

/** Verified against when the email is unknown, so both paths cost the same and timing reveals no accounts. */
let dummy: Promise<string> | undefined;
export async function burnVerification(password: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-password-just-timing');
  await verifyPassword(await dummy, password);
}
