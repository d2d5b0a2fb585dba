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

/** Patterns numbered 0…n-1; says which of them may match a sentence, given its words. */
export class TriggerIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly always: number[] = [];
  readonly size: number;

  constructor(patterns: readonly RegExp[]) {
    this.size = patterns.length;
    patterns.forEach((pattern, n) => {
      const triggers = triggersOf(pattern);
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
}
