import type { ApiError } from '../api/ApiError';

/**
 * Field-level messages from a VALIDATION_FAILED body, the first one per field. A form of flat fields keys them by
 * the first segment of each path ("languages.0" → languages); a form that lays nested fields out flat
 * ("contact.email", "preferences.region") keys them by the last.
 */
export function fieldErrorsOf(err: ApiError | null, by: 'first' | 'last' = 'first'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of err?.details ?? []) {
    const segments = d.path.split('.');
    const key = (by === 'first' ? segments[0] : segments.at(-1)) ?? '';
    out[key] ??= d.message;
  }
  return out;
}
