import { describe, expect, it } from 'vitest';
import { RewriteChain } from './rewrite-chain.js';

/** A pattern that counts how often the chain runs it (String#replace calls its exec). */
class Counted extends RegExp {
  runs = 0;
  override exec(text: string): RegExpExecArray | null {
    this.runs++;
    return super.exec(text);
  }
}

// The chain's promise: the same text as replacing in order (rewrite-chain.test.ts), while a rule
// whose required strings are all absent is not run at all — the whole point of the prefilter on
// a long message, which reads every rule of the chain.
describe('RewriteChain skips what cannot match', () => {
  it('runs a rule only when one of its strings is in the text', () => {
    const cut = new Counted('\\b(?:cut|slit)\\b', 'g');
    const chain = new RewriteChain([[cut, 'CUT']]);
    expect(chain.apply('went for a walk')).toBe('went for a walk');
    expect(cut.runs).toBe(0);
    expect(chain.apply('i slit it')).toBe('i CUT it');
    expect(cut.runs).toBeGreaterThan(0);
  });
  it('runs a rule whose string appears only once an earlier rule has rewritten the text', () => {
    const later = new Counted('\\bwant to\\b', 'g');
    const chain = new RewriteChain([
      [/\bwanna\b/g, 'want to'],
      [later, 'WANT'],
    ]);
    expect(chain.apply('a wanna b')).toBe('a WANT b');
    expect(later.runs).toBeGreaterThan(0);
  });
  it('always runs a rule it can find no required string for', () => {
    const digits = new Counted('\\d+', 'g');
    const chain = new RewriteChain([[digits, '#']]);
    expect(chain.apply('no numbers here')).toBe('no numbers here');
    expect(digits.runs).toBeGreaterThan(0);
  });
});
