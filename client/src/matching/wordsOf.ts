/** "Black, Muslim" ⇄ ['Black', 'Muslim']. */
export const wordsOf = (s: string): string[] =>
  s
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

/** Drops empty strings so optional fields are left out rather than sent blank. */
export const optional = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
