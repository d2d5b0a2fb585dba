/**
 * Which of a fixed list of words occur in a text as substrings — the same answer as calling
 * `text.includes(word)` for each, in one pass over the text: the words are indexed by their
 * first two characters, and each position of the text is looked up once. The phrase rules'
 * prefilter asks this for every rule's required strings (regex-literals.ts) at once, per segment.
 */
export class LiteralIndex {
  /** Words of two or more characters, by their first two UTF-16 code units. */
  private readonly byPair = new Map<number, { word: string; id: number }[]>();
  /** Words shorter than two characters, tested with `includes`. */
  private readonly short: { word: string; id: number }[] = [];
  readonly size: number;
  /** The answer's buffer, reused: a message has tens of segments and this runs for each. */
  private readonly found: Uint8Array;

  constructor(words: readonly string[]) {
    this.size = words.length;
    this.found = new Uint8Array(words.length);
    words.forEach((word, id) => {
      if (word.length < 2) {
        this.short.push({ word, id });
        return;
      }
      const key = word.charCodeAt(0) * 0x10000 + word.charCodeAt(1);
      this.byPair.set(key, [...(this.byPair.get(key) ?? []), { word, id }]);
    });
  }

  /** found[id] is 1 when words[id] occurs in the text. The array is reused by the next call: read it before calling again. */
  present(text: string): Uint8Array {
    const found = this.found;
    found.fill(0);
    for (const { word, id } of this.short) if (text.includes(word)) found[id] = 1;
    for (let p = 0; p + 1 < text.length; p++) {
      const candidates = this.byPair.get(text.charCodeAt(p) * 0x10000 + text.charCodeAt(p + 1));
      if (!candidates) continue;
      for (const { word, id } of candidates) if (!found[id] && text.startsWith(word, p)) found[id] = 1;
    }
    return found;
  }
}
