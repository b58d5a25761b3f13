import type { z } from 'zod';
import { AppError } from './errors';

/** Parses untrusted input; a failure becomes a 400 that lists each field and what is wrong with it. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    message: i.message,
  }));
  const first = details[0];
  throw new AppError(
    400,
    'VALIDATION_FAILED',
    first ? `Please check ${first.path}: ${first.message}` : 'The request is not valid.',
    { details },
  );
}
