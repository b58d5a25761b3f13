/**
 * Whether a display name claims a role the circle shows by itself: the red mug, host, staff, volunteer. Anyone
 * may choose their name, so a name must not pass for the badge a trained volunteer wears or for a host's tag.
 * Names are folded first — compatibility forms (NFKC: full-width and styled letters), accents dropped, case
 * ignored, look-alike letters from Cyrillic and Greek and digits standing in for letters read as Latin — so
 * "Ｈｏｓｔ", "Rеd Mug" (a Cyrillic е) and "V0lunteer" are caught. Whole words only: "Staffan" is a name.
 */
const LOOKALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ѵ: 'v', ɡ: 'g', ı: 'i', ȷ: 'j',
  '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '|': 'l', '!': 'i',
};
const RESERVED_WORDS = new Set(['host', 'hosts', 'cohost', 'staff', 'volunteer', 'volunteers', 'moderator', 'admin']);

function fold(name: string): string {
  const plain = name.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  return [...plain].map((c) => LOOKALIKES[c] ?? c).join('');
}

export function claimsARole(name: string): boolean {
  const folded = fold(name);
  // Letters only, every separator gone: "R.E.D-M.U.G", "red_mug" and "redmug" all read "redmug".
  if (folded.replace(/[^\p{L}]/gu, '').includes('redmug')) return true;
  const words = folded.split(/[^\p{L}]+/u).filter(Boolean);
  if (words.some((w) => RESERVED_WORDS.has(w))) return true;
  // Spelled out a letter at a time ("H O S T", "s.t.a.f.f"): the run of one-letter words, joined, is a word too.
  const runs = folded.split(/\p{L}{2,}/u).map((part) => part.replace(/[^\p{L}]/gu, ''));
  return runs.some((r) => r.length > 1 && [...RESERVED_WORDS].some((w) => r.includes(w)));
}

/** Control, format and bidirectional characters (zero-width spaces, right-to-left overrides…) reorder or hide text. */
export function hasHiddenCharacters(name: string): boolean {
  return /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(name);
}
