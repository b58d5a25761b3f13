/**
 * What makes a secret unfit for production. Example files ship values people copy as they are
 * (`change-me-to-64-random-characters` is 33 characters, and passed the length rule); a value from them, or one
 * too short or too plain to guess, must stop the start with the variable's name — never the value, which is a
 * secret even when it is a bad one.
 */

/** Words only an example or a placeholder holds. */
const PLACEHOLDER = /change[-_ ]?me|replace[-_ ]?(me|with)|example|placeholder|your[-_ ]?(secret|password|key)|at[-_ ]?least|random[-_ ]?char|insert[-_ ]?here|fixme|^(secret|password|default|test|dev)$/i;

/** Why `value` is not a production secret of at least `minLength` characters, or null when it will do. */
export function weakSecretReason(value: string, minLength: number): string | null {
  if (PLACEHOLDER.test(value)) return 'is a placeholder from an example file';
  if (value.length < minLength) return `is shorter than ${minLength} characters`;
  // A long run of one character, or a handful of characters repeated, is not random.
  if (new Set(value).size < Math.min(12, Math.ceil(minLength / 2))) return 'is too plain (too few different characters)';
  return null;
}

/** The password inside a connection URL (`redis://user:pass@host`), if it has one. */
export function urlPassword(url: string): string | null {
  try {
    const p = new URL(url).password;
    return p ? decodeURIComponent(p) : null;
  } catch {
    return null;
  }
}

/** How to make a good one, for the message. */
export const MAKE_ONE = 'make one with `openssl rand -base64 48`';
