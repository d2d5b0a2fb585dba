import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RewriteChain } from './rewrite-chain.js';

const sequential = (rules: readonly (readonly [RegExp, string])[], text: string): string => rules.reduce((t, [p, r]) => t.replace(p, r), text);

/** The words the rules are written in (alternatives split out), so generated texts meet them often. */
function vocabulary(rules: readonly (readonly [RegExp, string])[]): string[] {
  const words = rules.flatMap(([p]) => p.source.replace(/\\b|[()?:*+\\]|\[[^\]]*\]|\{[^}]*\}/g, ' ').split(/[|\s]+/));
  return [...new Set(words.filter((w) => /^[a-z0-9'-]+$/.test(w)))];
}

describe('RewriteChain', () => {
  // The tables are imported inside the tests, not at the top: their chains are built when they
  // load, so a chain that refuses them fails these tests instead of keeping the file's other tests
  // from running.
  for (const [name, load] of [
    ['the shorthand rewrites', async () => (await import('./prepare-text.js')).REWRITES],
    ['the typo rewrites', async () => (await import('./normalise.js')).TYPOS],
  ] as const) {
    it(`gives what replacing in order gives, for ${name}`, async () => {
      const rules = await load();
      const chain = new RewriteChain(rules);
      const token = fc.oneof(
        fc.constantFrom(...vocabulary(rules)),
        fc.constantFrom('i', 'a', 'the', 'to', '2', ',', '.', "'", 'x'),
        fc.string({ unit: fc.constantFrom('a', 'i', 'm', 'n', 't', "'", '2'), maxLength: 4 }),
      );
      let changed = 0;
      fc.assert(
        fc.property(fc.array(token, { maxLength: 12 }), fc.constantFrom(' ', '  ', ' , '), (tokens, sep) => {
          const text = tokens.join(sep);
          const expected = sequential(rules, text);
          if (expected !== text) changed++;
          expect(chain.apply(text)).toBe(expected);
        }),
        { numRuns: 1500, seed: 5 },
      );
      expect(changed).toBeGreaterThan(500);
    });
  }
  it('runs a rule made to match by an earlier rewrite ("wanna" then "want 2")', () => {
    const chain = new RewriteChain([
      [/\bwanna\b/g, 'want 2'],
      [/\bwant 2\b/g, 'want to'],
    ]);
    expect(chain.apply('i wanna go')).toBe('i want to go');
  });
  it('finds a string an edit creates across its edge, before or after it', () => {
    const chain = new RewriteChain([
      [/\bgonna\b/g, 'going to'],
      [/\bto die\b/g, 'TO-DIE'],
      [/\bi going\b/g, 'I-GOING'],
      [/\bx\b/g, ''],
      [/\bab\b/g, 'AB'],
    ]);
    expect(chain.apply('i gonna die')).toBe('I-GOING TO-DIE');
    expect(chain.apply('a x b')).toBe('a  b');
    expect(chain.apply('gonna gonna die x ab')).toBe('going to going TO-DIE  AB');
  });
  it('finds a string made by a later replacement of the same rule, after earlier ones changed the length', () => {
    const chain = new RewriteChain([
      [/\bwwwwwwww\b/g, 'want'],
      [/\bwant 2\b/g, 'WANT2'],
    ]);
    expect(chain.apply('wwwwwwww q wwwwwwww 2')).toBe('want q WANT2');
  });
  it('refuses replacements it does not read ($&, $$, named or missing groups)', () => {
    expect(() => new RewriteChain([[/a(b)/g, '$&']])).toThrow(/only \$1/);
    expect(() => new RewriteChain([[/a(b)/g, '$$']])).toThrow(/only \$1/);
    expect(() => new RewriteChain([[/a(b)/g, '$2']])).toThrow(/only \$1/);
    expect(() => new RewriteChain([[/a(b)/g, '$0']])).toThrow(/only \$1/);
    expect(() => new RewriteChain([[/a(b)/g, '$10']])).toThrow(/only \$1/);
    expect(new RewriteChain([[/a(b)?c/g, '[$1]']]).apply('ac abc')).toBe('[] [b]');
  });
  it('refuses patterns with flags the prefilter does not read', () => {
    expect(() => new RewriteChain([[/abc/gi, 'x']])).toThrow(/flags/);
  });
});
