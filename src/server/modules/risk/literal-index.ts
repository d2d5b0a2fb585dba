/**
 * Which of a fixed list of words occur in a text as substrings — the same answer as calling
 * `text.includes(word)` for each, in one pass over the text. Words are indexed by their first two
 * characters and then their third; each position of the text is looked up once. When both of a
 * position's first two characters are ASCII (nearly always: the phrase rules read prepared,
 * lower-case text), the pair is found in a flat table by its codes, without hashing; other pairs
 * go through a Map. (Indexed by two characters only, buckets held up to 67 words — "hit", "him",
 * "his"… — each tried with startsWith wherever a text had "hi".)
 */
interface Bucket {
  /** Ids of the two-character words equal to the pair. */
  two: number[];
  /** Longer words by their third UTF-16 code unit. */
  byThird: Map<number, { word: string; id: number }[]>;
}

const ASCII = 128;

export class LiteralIndex {
  /** Buckets of ASCII pairs at [c0 * 128 + c1]. */
  // Stryker disable next-line ArrayDeclaration,ArithmeticOperator: the length is only a capacity: an array reads undefined past its end and grows when written
  private readonly ascii: (Bucket | undefined)[] = new Array<Bucket | undefined>(ASCII * ASCII);
  /** Buckets of other pairs, by c0 * 0x10000 + c1. */
  private readonly other = new Map<number, Bucket>();
  /** Words shorter than two characters, tested with `includes`. */
  // Stryker disable next-line ArrayDeclaration: a non-object entry gives an undefined word and id, and found[undefined] = 1 is a property no reader sees
  private readonly short: { word: string; id: number }[] = [];
  readonly size: number;
  /** The longest word's length (an edit can create an occurrence starting up to this many characters before it, less one). */
  readonly longest: number;
  /** The answer's buffer, reused: a message has tens of segments and this runs for each. */
  private readonly found: Uint8Array;

  constructor(words: readonly string[]) {
    this.size = words.length;
    this.longest = words.reduce((n, w) => Math.max(n, w.length), 0);
    this.found = new Uint8Array(words.length);
    words.forEach((word, id) => {
      if (word.length < 2) {
        this.short.push({ word, id });
        return;
      }
      const bucket = this.bucketFor(word.charCodeAt(0), word.charCodeAt(1), true) as Bucket;
      if (word.length === 2) {
        bucket.two.push(id);
        return;
      }
      const third = word.charCodeAt(2);
      bucket.byThird.set(third, [...(bucket.byThird.get(third) ?? []), { word, id }]);
    });
  }

  private bucketFor(c0: number, c1: number, create: boolean): Bucket | undefined {
    const isAscii = c0 < ASCII && c1 < ASCII;
    let bucket = isAscii ? this.ascii[c0 * ASCII + c1] : this.other.get(c0 * 0x10000 + c1);
    if (!bucket && create) {
      // Stryker disable next-line ArrayDeclaration: a string id makes found[id] = 1 a property of the typed array, which no reader sees
      bucket = { two: [], byThird: new Map() };
      if (isAscii) this.ascii[c0 * ASCII + c1] = bucket;
      else this.other.set(c0 * 0x10000 + c1, bucket);
    }
    return bucket;
  }

  /** found[id] is 1 when words[id] occurs in the text. The array is reused by the next call: read it before calling again. */
  present(text: string): Uint8Array {
    this.found.fill(0);
    return this.markFrom(text, 0, text.length);
  }

  /**
   * Adds to the last answer of `present` (the same buffer, not cleared) every word that occurs in
   * the text at a position in [from, to) — what `present` would add for the words starting there.
   * Used after an edit of a text already looked at: only the positions near the edit are read again.
   */
  markFrom(text: string, from: number, to: number): Uint8Array {
    const found = this.found;
    for (const { word, id } of this.short) {
      const at = text.indexOf(word, from);
      if (at !== -1 && (at < to || word === '')) found[id] = 1;
    }
    // Stryker disable next-line ArithmeticOperator: positions past the last pair read NaN codes, which no bucket has
    const end = Math.min(to, text.length - 1);
    let c1 = text.charCodeAt(from);
    for (let p = from; p < end; p++) {
      const c0 = c1;
      c1 = text.charCodeAt(p + 1);
      const bucket = c0 < ASCII && c1 < ASCII ? this.ascii[c0 * ASCII + c1] : this.other.get(c0 * 0x10000 + c1);
      if (!bucket) continue;
      const two = bucket.two;
      for (let i = 0; i < two.length; i++) found[two[i] as number] = 1;
      // Stryker disable next-line ArithmeticOperator: past the end the third code is NaN, which no bucket has
      if (p + 2 >= text.length) continue;
      const candidates = bucket.byThird.get(text.charCodeAt(p + 2));
      if (!candidates) continue;
      for (let i = 0; i < candidates.length; i++) {
        const { word, id } = candidates[i] as { word: string; id: number };
        if (!found[id] && text.startsWith(word, p)) found[id] = 1;
      }
    }
    return found;
  }
}
