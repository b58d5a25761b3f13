import type { ApiError } from '../api/ApiError';

/** Field-level messages from a VALIDATION_FAILED body, keyed by the first segment of each path. */
export function fieldErrorsOf(err: ApiError | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of err?.details ?? []) {
    const key = d.path.split('.')[0] ?? '';
    out[key] ??= d.message;
  }
  return out;
}
