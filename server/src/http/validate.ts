import type { z } from 'zod';
import { currentLocale, zodErrorsIn } from '../i18n/i18n';
import { AppError } from './errors';

/**
 * Parses untrusted input; a failure becomes a 400 that lists each field and what is wrong with it, in the
 * request's locale (zod's words through its locale, our schemas' messages as ids rendered with the error).
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const error = zodErrorsIn(currentLocale());
  const result = error ? schema.safeParse(input, { error }) : schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    message: i.message,
  }));
  const first = details[0];
  throw new AppError(
    400,
    'VALIDATION_FAILED',
    first ? { id: 'errors.checkField', values: { path: first.path, detail: first.message } } : 'errors.invalidRequest',
    { details },
  );
}
