/**
 * Which of a fixed list of words occur in a text as substrings — the same answer as calling
 * `text.includes(word)` for each, in one pass over the text: the words are indexed by their
 * first two characters and then their third, and each position of the text is looked up once
 * (by two characters only, buckets held up to 67 words — "hit", "him", "his"… — each tried with
 * startsWith wherever a text has "hi"). The phrase rules'
 * prefilter asks this for every rule's required strings (regex-literals.ts) at once, per segment.
 */
export class LiteralIndex {
  /** Words of three or more characters, by their first two UTF-16 code units, then their third. */
  private readonly byPair = new Map<number, Map<number, { word: string; id: number }[]>>();
  /** Words of exactly two characters, by their two UTF-16 code units. */
  private readonly twoLetter = new Map<number, number[]>();
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
      if (word.length === 2) {
        this.twoLetter.set(key, [...(this.twoLetter.get(key) ?? []), id]);
        return;
      }
      let byThird = this.byPair.get(key);
      if (!byThird) this.byPair.set(key, (byThird = new Map()));
      const third = word.charCodeAt(2);
      byThird.set(third, [...(byThird.get(third) ?? []), { word, id }]);
    });
  }

  /** found[id] is 1 when words[id] occurs in the text. The array is reused by the next call: read it before calling again. */
  present(text: string): Uint8Array {
    const found = this.found;
    found.fill(0);
    for (const { word, id } of this.short) if (text.includes(word)) found[id] = 1;
    for (let p = 0; p + 1 < text.length; p++) {
      const key = text.charCodeAt(p) * 0x10000 + text.charCodeAt(p + 1);
      const two = this.twoLetter.get(key);
      if (two) for (let i = 0; i < two.length; i++) found[two[i] as number] = 1;
      if (p + 2 >= text.length) continue;
      const candidates = this.byPair.get(key)?.get(text.charCodeAt(p + 2));
      if (!candidates) continue;
      for (let i = 0; i < candidates.length; i++) {
        const { word, id } = candidates[i] as { word: string; id: number };
        if (!found[id] && text.startsWith(word, p)) found[id] = 1;
      }
    }
    return found;
  }
}
