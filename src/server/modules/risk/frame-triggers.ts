/**
 * The frames' prefilter: a pattern whose trigger words are all absent from a sentence cannot
 * match it and is not run. The sentence's words are looked up once in an index of every
 * pattern's triggers (rather than each pattern testing every word): most sentences meet only two
 * or three of the frames' patterns.
 */

/**
 * The words a pattern cannot match without: the first word of each alternative of its leading
 * concept (every pattern starts with one). null: the pattern always runs.
 */
export function triggersOf(pattern: RegExp): Set<string> | null {
  const source = pattern.source;
  if (!source.startsWith('\\b(?:')) return null;
  let depth = 0;
  // Stryker disable next-line UnaryOperator: a RegExp's parentheses balance, so the loop sets `end`; and when it cannot (a "(" in a class), slice(5, 1) gives the empty word, so null as with -1
  let end = -1;
  for (let i = 5; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) {
        end = i;
        break;
      }
      depth--;
    }
  }
  if (end < 0) return null;
  const body = source.slice(5, end);
  const words = new Set<string>();
  let current = '';
  depth = 0;
  for (let i = 0; i <= body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      // A class escape ("\d+", "\w") or any character (".", "[") is no word to look up: the pattern cannot be indexed.
      if (/[dDwWsSbBpPuxc]/.test(body[i + 1] ?? '') && depth === 0) return null;
      // (Only at the top level: an escape inside a nested group is no part of the first word.)
      if (depth === 0) current += body[i + 1] ?? '';
      i++;
    } else if ((c === '.' || c === '[') && depth === 0) return null;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if ((c === '|' && depth === 0) || c === undefined) {
      words.add((current.split(' ')[0] ?? '').replace(/[*+?]|\{\d*,?\d*\}/g, ''));
      current = '';
    } else if (depth === 0) current += c;
  }
  return words.has('') ? null : words;
}

/** A pattern's source cut at its top-level alternations ("A|B" → ["A", "B"]); one piece when it has none. */
export function topLevelAlternatives(pattern: RegExp): string[] {
  const source = pattern.source;
  const pieces: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      pieces.push(source.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(source.slice(from));
  return pieces;
}

/** Whether a pattern is an alternation at its top level ("A|B"): A's triggers do not say where B may start. */
export function alternatesAtTop(pattern: RegExp): boolean {
  return topLevelAlternatives(pattern).length > 1;
}

/**
 * The words a pattern cannot match without, over all its top-level alternatives ("A|B" matches
 * through A or through B: either's triggers may be the one present). null: it always runs.
 */
export function patternTriggers(pattern: RegExp): Set<string> | null {
  const words = new Set<string>();
  for (const piece of topLevelAlternatives(pattern)) {
    const triggers = triggersOf(new RegExp(piece, pattern.flags));
    if (!triggers) return null;
    for (const word of triggers) words.add(word);
  }
  return words;
}

/** Patterns numbered 0…n-1; says which of them may match a sentence, given its words. */
export class TriggerIndex {
  private readonly byWord = new Map<string, number[]>();
  // Stryker disable next-line ArrayDeclaration: a string in the list only writes properties of the typed arrays (runnable['…']), which no reader sees
  private readonly always: number[] = [];
  /** 1: pattern n is run over the whole line (no triggers, or an alternation at its top level). */
  private readonly alwaysFlag: Uint8Array;
  readonly size: number;
  /** groupOf[n]: the group (a frame) pattern n belongs to; groups are told runnable as a whole. */
  private readonly groupOf: Int32Array;
  private readonly groups: number;

  /**
   * An "A|B" pattern whose every alternative has triggers: each alternative is indexed as a piece of
   * its own (numbered after the patterns), so that it too is tried only at its trigger words.
   * pieces[n]: pattern n's pieces (sticky copies and their numbers), null for a pattern not split.
   */
  private readonly pieces: ({ sticky: RegExp; id: number }[] | null)[];
  /** pieceOwner[id - size]: the pattern a piece belongs to. */
  private readonly pieceOwner: number[] = [];

  constructor(patterns: readonly RegExp[], groupOf: readonly number[] = patterns.map(() => 0)) {
    this.size = patterns.length;
    this.groupOf = Int32Array.from(groupOf);
    this.groups = Math.max(0, ...groupOf) + 1;
    this.alwaysFlag = new Uint8Array(patterns.length);
    // Stryker disable next-line ArrowFunction: undefined for a pattern not split is read as null is (`if (pieces)`)
    this.pieces = patterns.map(() => null);
    const index = (word: string, id: number): void => {
      this.byWord.set(word, [...(this.byWord.get(word) ?? []), id]);
    };
    patterns.forEach((pattern, n) => {
      // (Until session 10 an "A|B" pattern was indexed by A's triggers only, so B never ran unless
      // A's first word was also in the sentence: "rehomed the cat" missed final arrangements.)
      const triggers = patternTriggers(pattern);
      if (!triggers) {
        this.alwaysFlag[n] = 1;
        this.always.push(n);
        return;
      }
      if (!alternatesAtTop(pattern)) {
        for (const word of triggers) index(word, n);
        return;
      }
      // Every alternative has triggers (patternTriggers is null otherwise): index each as a piece.
      this.pieces[n] = topLevelAlternatives(pattern).map((piece) => {
        const id = patterns.length + this.pieceOwner.length;
        this.pieceOwner.push(n);
        // Stryker disable next-line ArrayDeclaration: patternTriggers was not null, so no alternative's triggersOf is null and the fallback is never read
        for (const word of triggersOf(new RegExp(piece, pattern.flags)) ?? []) index(word, id);
        return { sticky: new RegExp(piece, `${pattern.flags}y`), id };
      });
    });
  }

  /** Patterns and pieces: the size of a StartLists for this index. */
  get entries(): number {
    return this.size + this.pieceOwner.length;
  }

  /**
   * Where each pattern may start, for two lines of words at the same positions (a sentence's
   * lemmas and its words): for pattern n, the positions where either line has one of its
   * triggers, in ascending order (a list through `first` and `next`). A pattern starts with one of
   * its triggers as a whole word, so it is tried there only (a sticky regex at each such word)
   * instead of at every character of the line.
   */
  starts(lemmas: readonly string[], words: readonly string[], into: StartLists): StartLists {
    into.reset(this.size, this.groups, this.entries);
    const { runnable, groupRunnable } = into;
    for (const n of this.always) {
      runnable[n] = 1;
      groupRunnable[this.groupOf[n] as number] = 1;
    }
    // Stryker disable next-line ArithmeticOperator: starting past the end reads undefined words, which no trigger is
    for (let i = words.length - 1; i >= 0; i--) {
      // The lemma's patterns, then the word's (push keeps one entry when both name the same pattern).
      for (let l = 0; l < 2; l++) {
        const patterns = this.byWord.get((l === 0 ? lemmas[i] : words[i]) as string);
        if (!patterns) continue;
        for (const id of patterns) {
          into.push(id, i);
          // A piece makes its pattern runnable.
          const n = id < this.size ? id : (this.pieceOwner[id - this.size] as number);
          runnable[n] = 1;
          groupRunnable[this.groupOf[n] as number] = 1;
        }
      }
    }
    return into;
  }

  /**
   * The first (leftmost) match of pattern n on a line: the same as pattern.exec(line), found by
   * trying the pattern's sticky copy only where one of its trigger words starts (at any other
   * start it fails on its first word) — or over the whole line when the pattern has no triggers
   * or alternates at its top level. `starts` are this line's (see starts), `offsets` the
   * character offset of each word on the line.
   */
  firstMatch(n: number, pattern: RegExp, sticky: RegExp, line: string, starts: StartLists, offsets: Int32Array): RegExpExecArray | null {
    if (this.alwaysFlag[n] === 1) return pattern.exec(line);
    const pieces = this.pieces[n];
    if (pieces) {
      // "A|B": exec would return the match at the leftmost position where any alternative matches
      // (the first alternative that matches there). Each piece can only start at its own trigger
      // words, so the leftmost of the pieces' first matches is that position; the whole pattern,
      // run there, gives exec's match with its own groups.
      let at = -1;
      for (const piece of pieces) {
        const found = TriggerIndex.firstAt(piece.sticky, piece.id, line, starts, offsets);
        if (found >= 0 && (at < 0 || found < at)) at = found;
      }
      if (at < 0) return null;
      sticky.lastIndex = at;
      return sticky.exec(line);
    }
    for (let e = starts.first[n] as number; e >= 0; e = starts.next[e] as number) {
      sticky.lastIndex = offsets[starts.word[e] as number] as number;
      const match = sticky.exec(line);
      if (match) return match;
    }
    return null;
  }

  /** The offset of the first trigger start where a sticky pattern matches, -1 when none does. */
  private static firstAt(sticky: RegExp, id: number, line: string, starts: StartLists, offsets: Int32Array): number {
    for (let e = starts.first[id] as number; e >= 0; e = starts.next[e] as number) {
      const at = offsets[starts.word[e] as number] as number;
      sticky.lastIndex = at;
      if (sticky.test(line)) return at;
    }
    return -1;
  }
}

/**
 * For one sentence: which patterns may match (`runnable[n]`: the pattern has no triggers, or one
 * of them is a word or lemma of the sentence), which groups have one that may (`groupRunnable[g]`), and per pattern a list of the
 * word indexes it may start at (see TriggerIndex.starts). Buffers are kept between calls.
 */
export class StartLists {
  runnable = new Uint8Array(0);
  groupRunnable = new Uint8Array(0);
  /** first[n]: the first entry of pattern n's list, -1 when empty. */
  first = new Int32Array(0);
  /** next[e]: the entry after e, -1 at the end. */
  next = new Int32Array(64);
  /** word[e]: the word index of entry e. */
  word = new Int32Array(64);
  private used = 0;

  /** `entries`: patterns and their pieces (TriggerIndex.entries), each with a list; `patterns` runnable or not. */
  reset(patterns: number, groups: number, entries = patterns): void {
    if (this.first.length !== entries) this.first = new Int32Array(entries);
    if (this.runnable.length !== patterns) this.runnable = new Uint8Array(patterns);
    if (this.groupRunnable.length !== groups) this.groupRunnable = new Uint8Array(groups);
    this.first.fill(-1);
    this.runnable.fill(0);
    this.groupRunnable.fill(0);
    this.used = 0;
  }

  /** Puts word i at the front of pattern n's list (called from the last word to the first). */
  push(n: number, i: number): void {
    const head = this.first[n] as number;
    if (head >= 0 && this.word[head] === i) return;
    if (this.used === this.next.length) {
      const next = new Int32Array(this.used * 2);
      next.set(this.next);
      this.next = next;
      const word = new Int32Array(this.used * 2);
      word.set(this.word);
      this.word = word;
    }
    const e = this.used++;
    this.word[e] = i;
    this.next[e] = head;
    this.first[n] = e;
  }
}
