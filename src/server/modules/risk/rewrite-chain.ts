import { LiteralIndex } from './literal-index.js';
import { requiredLiterals } from './regex-literals.js';

/**
 * A list of rewrites (pattern → replacement) applied in order, as
 * `for (const [p, r] of rules) text = text.replace(p, r)` would — without running the rewrites
 * that cannot match. Each rule keeps the strings every match of its pattern contains
 * (regex-literals.ts); one pass over the text says which of them it contains, and a rule whose
 * strings are all absent is skipped. After a rewrite that changed the text, the pass is made
 * again (a rewrite can make a later rule match: "wanna" → "want to"). A 2,000-character message
 * went through some 80 whole-text regex passes; now through a few.
 * Patterns must not have the i, m, s, u or v flags (requiredLiterals reads the source only).
 */
export class RewriteChain {
  private readonly index: LiteralIndex;
  /** Per rule, the ids of its required strings in the index (null: the rule always runs). */
  private readonly ruleIds: (readonly number[] | null)[];

  constructor(private readonly rules: readonly (readonly [RegExp, string])[]) {
    for (const [pattern] of rules) if (/[imsuv]/.test(pattern.flags)) throw new Error(`RewriteChain: flags ${pattern.flags} are not read by the prefilter (${pattern.source})`);
    const literals = rules.map(([pattern]) => requiredLiterals(pattern));
    const all = [...new Set(literals.flatMap((l) => l ?? []))];
    this.index = new LiteralIndex(all);
    this.ruleIds = literals.map((l) => l?.map((s) => all.indexOf(s)) ?? null);
  }

  apply(input: string): string {
    let text = input;
    let found = this.index.present(text);
    for (let r = 0; r < this.rules.length; r++) {
      const ids = this.ruleIds[r];
      if (ids) {
        let any = false;
        for (let i = 0; i < ids.length; i++) if (found[ids[i] as number] === 1) any = true;
        if (!any) continue;
      }
      const [pattern, replacement] = this.rules[r] as readonly [RegExp, string];
      const next = text.replace(pattern, replacement);
      if (next !== text) {
        text = next;
        found = this.index.present(text);
      }
    }
    return text;
  }
}
