import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody, ErrorCode } from '../../../shared/errors';
import { isMessageId } from '../../../shared/i18n/catalog';
import type { MsgValues, Text, Translate } from '../../../shared/i18n/translate';
import type { I18n } from '../i18n/i18n';
import { redactPath, redactText, type Logger } from '../log';

/**
 * A refusal a person is shown: its status, its code (clients switch on it) and its words, as a message id with
 * arguments (`text`), rendered in the person's locale where it leaves the server (here for HTTP, the command
 * pipeline for acks). `details` messages are ids too, or zod's own words already in the request's locale.
 */
export class AppError extends Error {
  readonly text: Text;
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    text: Text,
    readonly extra: Pick<ApiErrorBody, 'details' | 'data'> = {},
  ) {
    super(typeof text === 'string' ? text : text.id);
    this.text = text;
    this.name = 'AppError';
  }
}

/** A refusal's words in one locale (arguments that are message ids rendered too). */
export function renderText(t: Translate, text: Text): string {
  if (typeof text === 'string') return t(text);
  return t(text.values ? { id: text.id, values: renderValues(t, text.values) } : text);
}

/**
 * A validation issue's message in one locale: our schemas give message ids, rendered here; zod's own words come
 * already in the locale they were parsed in (`zodErrorsIn`) and are shown as they are.
 */
export function renderIssue(t: Translate, message: string): string {
  return isMessageId(message) ? t(message) : message;
}

/** Arguments that are message ids themselves (a schema's message as `{detail}` in errors.checkField), rendered too. */
function renderValues(t: Translate, values: MsgValues): MsgValues {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && isMessageId(v) ? t(v) : v]));
}

/** The error body in one locale: its message and each detail's. */
export function errorBody(t: Translate, err: AppError): ApiErrorBody {
  const { details, data } = err.extra;
  return {
    code: err.code,
    message: renderText(t, err.text),
    ...(details ? { details: details.map((d) => ({ path: d.path, message: renderIssue(t, d.message) })) } : {}),
    ...(data ? { data } : {}),
  };
}

export const notFound: RequestHandler = (_req, _res, next) =>
  next(new AppError(404, 'NOT_FOUND', 'errors.notFound'));

/** Last in the chain: known errors become their typed body; anything else a generic 500, logged once. */
export function errorHandler(log: Logger, i18n: I18n): ErrorRequestHandler {
  return (err, req, res, _next) => {
    // Outside /api (and before its middleware) no locale was chosen yet: the browser's, else the program's.
    const t = i18n.t(req.locale ?? i18n.resolve({ acceptLanguage: req.headers['accept-language'] }));
    let status = 500;
    let body: ApiErrorBody = { code: 'INTERNAL', message: t('errors.internal') };
    if (err instanceof AppError) {
      status = err.status;
      body = errorBody(t, err);
    } else if (isBodyParserError(err)) {
      if (err.type === 'entity.too.large') {
        status = 413;
        body = { code: 'PAYLOAD_TOO_LARGE', message: t('errors.payloadTooLarge') };
      } else {
        status = 400;
        body = { code: 'VALIDATION_FAILED', message: t('errors.invalidJson') };
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
