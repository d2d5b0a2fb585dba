/** A piece of the crisis-line text: plain words, or a phone number that can be dialled. */
export type CrisisPart = { kind: 'text'; text: string } | { kind: 'phone'; text: string; tel: string };

// A run of digits with single spaces or dashes between groups ("999", "116 123", "0800-123-456",
// "+44 20 7946 0000"). At least three digits, so stray numbers like "2 weeks" are never dialled.
const PHONE = /(?<![\d+])\+?\d(?:[ -]?\d){2,14}(?!\d)/g;

/** Splits the service's crisis-line text so each phone number in it can become a tel: link. */
export function splitCrisisLine(text: string): CrisisPart[] {
  const parts: CrisisPart[] = [];
  let last = 0;
  for (const match of text.matchAll(PHONE)) {
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'phone', text: match[0], tel: match[0].replace(/[ -]/g, '') });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The distinct phone numbers in the text, in order. */
export function crisisNumbers(text: string): { text: string; tel: string }[] {
  const seen = new Set<string>();
  return splitCrisisLine(text).flatMap((p) => (p.kind === 'phone' && !seen.has(p.tel) ? (seen.add(p.tel), [{ text: p.text, tel: p.tel }]) : []));
}
