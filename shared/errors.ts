/**
 * The one list of error codes that travel to clients, over HTTP bodies and Socket.IO acks alike.
 * Clients switch on `code`; `message` is written for people and tells them what to do next.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'NOT_FOUND',
  'CONFLICT',
  'OUTSIDE_WINDOW',
  'INVALID_CREDENTIALS',
  'TOO_MANY_REQUESTS',
  'INVITE_INVALID',
  /** A password reset link that is unknown, used already or expired (all look the same). */
  'RESET_INVALID',
  'EMAIL_TAKEN',
  'MEDIA_UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
  'NOT_IN_CIRCLE',
  'CIRCLE_LOCKED',
  'CIRCLE_ENDED',
  'REMOVED',
  'UNKNOWN_EVENT',
  'UNKNOWN_TIMEZONE',
  'HOST_NOT_VOLUNTEER',
  /** A host or backup whose peer-support training or confidentiality undertaking is missing or lapsed (`data.missing`). */
  'VOLUNTEER_NOT_CURRENT',
  'SESSION_NOT_MEETING',
  /** An in-person circle has no online room: no join, no token; the message says where it meets. */
  'IN_PERSON',
  /** A headcount is only for an in-person circle. */
  'NOT_IN_PERSON',
  /** A headcount can be recorded from the circle's start until some days after it (the message says which). */
  'HEADCOUNT_CLOSED',
  /** Joining a circle needs the confidentiality pledge, first and again each year (GET/POST /api/circles/pledge). */
  'PLEDGE_REQUIRED',
  /** A part the live circle depends on (Redis) is briefly unreachable; retry shortly. */
  'SERVICE_UNAVAILABLE',
  /** A repeat of a command (same person, same command id) whose first run has not finished; it applies once. */
  'IN_PROGRESS',
  /** An unsubscribe link that was altered or forged (its signature does not match). */
  'UNSUBSCRIBE_INVALID',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every non-2xx JSON response. `details` carries field-level validation issues. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: Array<{ path: string; message: string }>;
  /** Extra, code-specific data, e.g. the next opening time for OUTSIDE_WINDOW. */
  data?: Record<string, unknown>;
}

/** The acknowledgement every Socket.IO command receives. */
export type Ack<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };
