import { z } from 'zod';
import { ERROR_CODES, type ApiErrorBody, type ErrorCode } from '../../../shared/errors';
import { tNow } from '../i18n/useT';

/** The shape of every non-2xx body; an unknown code (a newer server) degrades to INTERNAL, keeping its message. */
export const ApiErrorBodySchema = z.object({
  code: z.enum(ERROR_CODES).catch('INTERNAL'),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/**
 * status 0 means the server could not be reached at all. The message is the server's, already in the person's
 * language (the server renders every message it sends in the request's locale); callers switch on `code` only.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ApiErrorBody['details'];
  readonly data: ApiErrorBody['data'];

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.details = body.details;
    this.data = body.data;
  }
}

/** The server could not be reached (no answer at all): in the page's current language. */
export const unreachableMessage = (): string => tNow('errors.unreachable');
/** An answer the client cannot read, or a throw that is not an ApiError: in the page's current language. */
export const unexpectedMessage = (): string => tNow('errors.unexpected');

/** A message fit to show a person, whatever was thrown. */
export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : unexpectedMessage();
}
