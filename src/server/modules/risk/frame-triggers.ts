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
      current += body[i + 1] ?? '';
      i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if ((c === '|' && depth === 0) || c === undefined) {
      words.add((current.split(' ')[0] ?? '').replace(/[*+?]|\{\d*,?\d*\}/g, ''));
      current = '';
    } else if (depth === 0) current += c;
  }
  return words.has('') ? null : words;
}

/** Whether a pattern is an alternation at its top level ("A|B"): its triggers (of A) do not say where B may start. */
export function alternatesAtTop(pattern: RegExp): boolean {
  const source = pattern.source;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** Patterns numbered 0…n-1; says which of them may match a sentence, given its words. */
export class TriggerIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly always: number[] = [];
  /** 1: pattern n is run over the whole line (no triggers, or an alternation at its top level). */
  private readonly alwaysFlag: Uint8Array;
  readonly size: number;
  /** groupOf[n]: the group (a frame) pattern n belongs to; groups are told runnable as a whole. */
  private readonly groupOf: Int32Array;
  private readonly groups: number;

  constructor(patterns: readonly RegExp[], groupOf: readonly number[] = patterns.map(() => 0)) {
    this.size = patterns.length;
    this.groupOf = Int32Array.from(groupOf);
    this.groups = Math.max(0, ...groupOf) + 1;
    this.alwaysFlag = new Uint8Array(patterns.length);
    patterns.forEach((pattern, n) => {
      const triggers = triggersOf(pattern);
      if (!triggers || alternatesAtTop(pattern)) this.alwaysFlag[n] = 1;
      if (!triggers) this.always.push(n);
      else for (const word of triggers) this.byWord.set(word, [...(this.byWord.get(word) ?? []), n]);
    });
  }

  // One buffer, reused: the answer is read before the next sentence asks (the detector is synchronous).
  private reused: Uint8Array | null = null;

  /**
   * runnable[n] is 1 when pattern n has no triggers or one of its triggers is among the lines'
   * words. The array returned is reused by the next call: read it before asking again.
   */
  runnableTokens(lines: readonly (readonly string[])[]): Uint8Array {
    const out = (this.reused ??= new Uint8Array(this.size));
    out.fill(0);
    for (const n of this.always) out[n] = 1;
    for (const words of lines) {
      for (let i = 0; i < words.length; i++) {
        const patterns = this.byWord.get(words[i] as string);
        if (patterns) for (const n of patterns) out[n] = 1;
      }
    }
    return out;
  }


  /**
   * Where each pattern may start, for two lines of words at the same positions (a sentence's
   * lemmas and its words): for pattern n, the positions where either line has one of its
   * triggers, in ascending order (a list through `first` and `next`). A pattern starts with one of
   * its triggers as a whole word, so it is tried there only (a sticky regex at each such word)
   * instead of at every character of the line.
   */
  starts(lemmas: readonly string[], words: readonly string[], into: StartLists): StartLists {
    into.reset(this.size, this.groups);
    const { runnable, groupRunnable } = into;
    for (const n of this.always) {
      runnable[n] = 1;
      groupRunnable[this.groupOf[n] as number] = 1;
    }
    for (let i = words.length - 1; i >= 0; i--) {
      const byLemma = this.byWord.get(lemmas[i] as string);
      if (byLemma) {
        for (const n of byLemma) {
          into.push(n, i);
          runnable[n] = 1;
          groupRunnable[this.groupOf[n] as number] = 1;
        }
      }
      const byWord = this.byWord.get(words[i] as string);
      if (byWord) {
        for (const n of byWord) {
          into.push(n, i);
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
    for (let e = starts.first[n] as number; e >= 0; e = starts.next[e] as number) {
      sticky.lastIndex = offsets[starts.word[e] as number] as number;
      const match = sticky.exec(line);
      if (match) return match;
    }
    return null;
  }
}

/**
 * For one sentence: which patterns may match (`runnable[n]`, as runnableTokens answers for the
 * two lines), which groups have one that may (`groupRunnable[g]`), and per pattern a list of the
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

  reset(patterns: number, groups: number): void {
    if (this.first.length !== patterns) {
      this.first = new Int32Array(patterns);
      this.runnable = new Uint8Array(patterns);
    }
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
