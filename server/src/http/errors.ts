import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody, ErrorCode } from '../../../shared/errors';
import { redactPath, redactText, type Logger } from '../log';

/** An error meant for the client: its code, status and message travel as they are. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Pick<ApiErrorBody, 'details' | 'data'> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound: RequestHandler = (_req, _res, next) =>
  next(new AppError(404, 'NOT_FOUND', 'There is nothing at this address. Check the link or go back to the home page.'));

/** Last in the chain: known errors become their typed body; anything else a generic 500, logged once. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let status = 500;
    let body: ApiErrorBody = { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' };
    if (err instanceof AppError) {
      status = err.status;
      body = { code: err.code, message: err.message, ...err.extra };
    } else if (isBodyParserError(err)) {
      if (err.type === 'entity.too.large') {
        status = 413;
        body = { code: 'PAYLOAD_TOO_LARGE', message: 'The request is too large.' };
      } else {
        status = 400;
        body = { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON.' };
      }
    } else {
      // Only the route and the error's class and message: request bodies may hold personal text. The path goes
      // through redactPath (from originalUrl: req.path inside a router has lost its mount point), since a feed, an
      // invite or a reset link carries its secret in it, and so may a message that quotes the value.
      const { path, secrets } = redactPath(req.originalUrl);
      log.error('http.unhandled', { method: req.method, path, error: redactText(errName(err), secrets) });
    }
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}

function isBodyParserError(err: unknown): err is { type: string; status: number } {
  return typeof err === 'object' && err !== null && 'type' in err && typeof (err as { type: unknown }).type === 'string' && 'status' in err;
}

function errName(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
