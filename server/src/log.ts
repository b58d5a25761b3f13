/**
 * A small structured logger: one JSON line per event. Deliberately takes an event name and a flat record of
 * fields, never free text from users: chat and other participant speech must never reach a log.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (event: string, fields: LogFields = {}) => {
    if (order[lvl] < order[level]) return;
    write(JSON.stringify({ t: new Date().toISOString(), level: lvl, event, ...fields }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * Paths whose last part is a credential: a personal calendar feed's secret, an invite link, a password reset link
 * (the API's and the browser pages'). Whoever reads a log must not be able to subscribe to someone's calendar, take
 * an invite or reset a password with what it shows.
 */
const SECRET_PATHS: ReadonlyArray<RegExp> = [
  /^(\/api\/scheduling\/feeds\/)[^/]+/,
  /^(\/api\/auth\/invites\/)[^/]+/,
  /^(\/api\/auth\/password-reset\/)[^/]+/,
  /^(\/invite\/)[^/]+/,
  /^(\/reset-password\/)[^/]+/,
];
/** A segment long and random enough to be a token (ours are 43 base64url characters); a UUID is an id, not a secret. */
const TOKEN_LIKE = /^[A-Za-z0-9_-]{32,}(\.[a-z]+)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const REDACTED = '[redacted]';

/**
 * A request path fit for a log line: the credential in a secret-bearing path, and any other segment that looks like
 * a token, become `[redacted]`; the query string is dropped (it may carry one too). Returns the path and the
 * secrets it took out, so that an error message quoting one can be redacted as well (`redactText`).
 */
export function redactPath(rawPath: string): { path: string; secrets: string[] } {
  const secrets: string[] = [];
  const [pathPart = '', query = ''] = rawPath.split('?', 2);
  for (const [, value] of new URLSearchParams(query)) secrets.push(value);
  let p = pathPart;
  for (const re of SECRET_PATHS) {
    p = p.replace(re, (whole, prefix: string) => {
      const secret = whole.slice(prefix.length);
      secrets.push(secret, safeDecode(secret));
      return prefix + REDACTED;
    });
  }
  p = p
    .split('/')
    .map((seg) => {
      if (seg === REDACTED || UUID.test(seg) || !TOKEN_LIKE.test(safeDecode(seg))) return seg;
      secrets.push(seg, safeDecode(seg));
      return REDACTED;
    })
    .join('/');
  return { path: p, secrets: [...new Set(secrets.filter((s) => s.length > 0))] };
}

/** `text` with every one of `secrets` (and its form without a file extension) replaced by `[redacted]`. */
export function redactText(text: string, secrets: ReadonlyArray<string>): string {
  let out = text;
  for (const s of secrets.flatMap((x) => [x, x.replace(/\.[a-z]+$/, '')])) if (s.length >= 8) out = out.split(s).join(REDACTED);
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
