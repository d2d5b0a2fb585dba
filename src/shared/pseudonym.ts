// Zero-width characters and bidirectional controls can disguise one name as another.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;

/**
 * Any name people read (pseudonyms, staff display names, referral names): NFKC, zero-width and
 * bidirectional control characters removed, runs of white space collapsed, trimmed.
 */
export function normaliseDisplayedName(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
const ALLOWED = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} '’.-]*$/u;

/** Normalises a pseudonym (NFKC, invisible characters removed, spaces collapsed) or explains why it cannot be used. */
export function normalisePseudonym(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const value = normaliseDisplayedName(raw);
  if ([...value].length < 2) return { ok: false, reason: 'Use at least 2 characters.' };
  if ([...value].length > 24) return { ok: false, reason: 'Use at most 24 characters.' };
  if (!ALLOWED.test(value)) return { ok: false, reason: 'Use letters, numbers, spaces, hyphens or apostrophes.' };
  if (/@|\d{5,}/.test(value)) return { ok: false, reason: 'A group name must not contain contact details.' };
  return { ok: true, value };
}
