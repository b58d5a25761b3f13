import { z } from 'zod';
import { ERROR_CODES, type ApiErrorBody, type ErrorCode } from '../../../shared/errors';

/** The shape of every non-2xx body; an unknown code (a newer server) degrades to INTERNAL, keeping its message. */
export const ApiErrorBodySchema = z.object({
  code: z.enum(ERROR_CODES).catch('INTERNAL'),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** status 0 means the server could not be reached at all. */
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

export const UNREACHABLE_MESSAGE = 'We could not reach Red Mug. Check your connection and try again.';
export const UNEXPECTED_MESSAGE = 'Something went wrong on our side. Reload the page and try again.';

/** A message fit to show a person, whatever was thrown. */
export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : UNEXPECTED_MESSAGE;
}
