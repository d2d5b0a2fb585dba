import { LiteralIndex } from './literal-index.js';
import { requiredLiterals } from './regex-literals.js';

/** A replacement string as pieces: literal text, or the number of a capture group (`$1`…`$9`). */
type Replacement = readonly (string | number)[];

function parseReplacement(replacement: string, groups: number, source: string): Replacement {
  const pieces: (string | number)[] = [];
  let literal = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i] as string;
    if (c !== '$') {
      literal += c;
      continue;
    }
    const n = Number(replacement[i + 1]);
    // Only $1…$9 naming a group of the pattern (what the rules use); `$&`, `$$`, `$<name>` and two-digit groups are refused, not guessed.
    if (!(n >= 1 && n <= groups) || /\d/.test(replacement[i + 2] ?? ''))
      throw new Error(`RewriteChain: replacement "${replacement}" of ${source}: only $1…$9 naming a group are supported`);
    if (literal) pieces.push(literal);
    literal = '';
    pieces.push(n);
    i++;
  }
  if (literal) pieces.push(literal);
  return pieces;
}

/**
 * A list of rewrites (pattern → replacement) applied in order, as
 * `for (const [p, r] of rules) text = text.replace(p, r)` would — without running the rewrites
 * that cannot match. Each rule keeps the strings every match of its pattern contains
 * (regex-literals.ts); one pass over the text says which of them it contains, and a rule whose
 * strings are all absent is skipped. After a rewrite that changed the text, only the text near
 * each replacement is read again (a rewrite can make a later rule match: "wanna" → "want 2" →
 * "want to"), and the strings found are added to what was found before. The answer may so keep a
 * string a rewrite removed: that only runs a rule that then matches nothing, as without the
 * prefilter. (A 2,000-character message went through some 80 whole-text regex passes, then, in
 * session 9, through some ten whole-text re-reads of the index, one after each rewrite that fired.)
 * Patterns must not have the i, m, s, u or v flags (requiredLiterals reads the source only).
 */
export class RewriteChain {
  private readonly index: LiteralIndex;
  /** Per rule, the ids of its required strings in the index (null: the rule always runs). */
  private readonly ruleIds: (readonly number[] | null)[];
  private readonly replacements: Replacement[];
  private readonly groups: number[];

  constructor(private readonly rules: readonly (readonly [RegExp, string])[]) {
    for (const [pattern] of rules) if (/[imsuv]/.test(pattern.flags)) throw new Error(`RewriteChain: flags ${pattern.flags} are not read by the prefilter (${pattern.source})`);
    const literals = rules.map(([pattern]) => requiredLiterals(pattern));
    const all = [...new Set(literals.flatMap((l) => l ?? []))];
    this.index = new LiteralIndex(all);
    this.ruleIds = literals.map((l) => l?.map((s) => all.indexOf(s)) ?? null);
    // A pattern's number of capture groups: the length of a match of the pattern or nothing, less one.
    this.groups = rules.map(([pattern]) => (new RegExp(`${pattern.source}|`).exec('') as RegExpExecArray).length - 1);
    this.replacements = rules.map(([pattern, replacement], r) => parseReplacement(replacement, this.groups[r] as number, pattern.source));
  }

  apply(input: string): string {
    let text = input;
    const found = this.index.present(text);
    const reach = Math.max(0, this.index.longest - 1);
    for (let r = 0; r < this.rules.length; r++) {
      const ids = this.ruleIds[r];
      if (ids) {
        let any = false;
        for (let i = 0; i < ids.length; i++) if (found[ids[i] as number] === 1) any = true;
        if (!any) continue;
      }
      const pattern = (this.rules[r] as readonly [RegExp, string])[0];
      const pieces = this.replacements[r] as Replacement;
      const groups = this.groups[r] as number;
      // Where each replacement lands in the new text, as [start, end) pairs.
      const edits: number[] = [];
      let shift = 0;
      const next = text.replace(pattern, (...args: unknown[]) => {
        let out = '';
        for (const piece of pieces) out += typeof piece === 'number' ? ((args[piece] as string | undefined) ?? '') : piece;
        const match = args[0] as string;
        const start = (args[groups + 1] as number) + shift;
        edits.push(start, start + out.length);
        shift += out.length - match.length;
        return out;
      });
      if (next === text) continue;
      text = next;
      // A string the edit created starts at most `reach` characters before it, and before its end.
      for (let e = 0; e < edits.length; e += 2) this.index.markFrom(text, Math.max(0, (edits[e] as number) - reach), edits[e + 1] as number);
    }
    return text;
  }
}
