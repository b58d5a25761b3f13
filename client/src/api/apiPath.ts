/**
 * An API path with every interpolated value URL-encoded, so an id (a session id is a series and a date) can never
 * reach another route: apiPath`/api/matching/matches/${id}/close`.
 */
export function apiPath(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.slice(1).reduce((path, s, i) => `${path}${encodeURIComponent(values[i] ?? '')}${s}`, strings[0] ?? '');
}

/** `path` with a query string of the given parameters, in their order; undefined ones are left out. */
export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, String(v));
  return query.size ? `${path}?${query.toString()}` : path;
}
