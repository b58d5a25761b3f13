/** A session is one occurrence of a series: its id joins the series id and the local date. */
const SESSION_ID = /^([a-z0-9][a-z0-9-]{0,39})_(\d{4}-\d{2}-\d{2})$/;

export function sessionIdOf(seriesId: string, localDate: string): string {
  return `${seriesId}_${localDate}`;
}

export function parseSessionId(id: string): { seriesId: string; localDate: string } | null {
  const m = SESSION_ID.exec(id);
  return m ? { seriesId: m[1]!, localDate: m[2]! } : null;
}
