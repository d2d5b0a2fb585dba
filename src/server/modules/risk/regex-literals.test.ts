import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEXICON } from './lexicon.js';
import { LiteralIndex } from './literal-index.js';
import { requiredLiterals } from './regex-literals.js';

/** The source without \\b and lookaround groups (which fast-check's generator does not support). */
function withoutAssertions(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('\\b', i)) {
      i++;
      continue;
    }
    const head = /^\(\?<?[=!]/.exec(source.slice(i));
    if (!head) {
      // An escape is copied whole ("\\s", "\\."), any other character as it is.
      const length = source[i] === '\\' ? 2 : 1;
      out += source.slice(i, i + length);
      i += length - 1;
      continue;
    }
    // Skip to the matching parenthesis.
    let depth = 0;
    for (; i < source.length; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === '(') depth++;
      else if (source[i] === ')' && --depth === 0) break;
    }
  }
  return out;
}

describe('required literals of a pattern (the phrase rules prefilter)', () => {
  it('reads the strings every match must contain', () => {
    expect(requiredLiterals(/a(b|c)d/)?.sort()).toEqual(['abd', 'acd']);
    expect(requiredLiterals(/\b(kill|end) (?<who>me|you)\b/)?.sort()).toEqual(['end me', 'end you', 'kill me', 'kill you']);
    expect(requiredLiterals(/(?<!no )cut/)).toEqual(['cut']);
    expect(requiredLiterals(/x?y+/)).toEqual(['y']);
    expect(requiredLiterals(/[abc]def/)).toEqual(['def']);
    expect(requiredLiterals(/what( is)? up$/)?.sort()).toEqual(['what is u', 'what u']);
  });
  it('finds none when a match can avoid every literal', () => {
    expect(requiredLiterals(/(?:foo)?/)).toBeNull();
    expect(requiredLiterals(/a|/)).toBeNull();
    expect(requiredLiterals(/(a|b)*/)).toBeNull();
    expect(requiredLiterals(/\d+\s\w/)).toBeNull();
    expect(requiredLiterals(/kill/i)).toBeNull();
  });
  it('every generated match of every phrase rule contains one of its strings', () => {
    let checked = 0;
    for (const rule of LEXICON) {
      const literals = requiredLiterals(rule.pattern);
      if (!literals) continue;
      // fast-check generates strings for a pattern without \b or lookarounds; a generated string
      // between spaces is then checked against the real pattern.
      const generator = new RegExp(`^(?:${withoutAssertions(rule.pattern.source)})$`);
      fc.assert(
        fc.property(fc.stringMatching(generator), (generated) => {
          const text = ` ${generated} `;
          if (!rule.pattern.test(text)) return;
          checked++;
          expect(literals.some((s) => text.includes(s))).toBe(true);
        }),
        { numRuns: 300, seed: 7 },
      );
    }
    expect(checked).toBeGreaterThan(LEXICON.length * 100);
  });
  it('finds the same words as String.includes, in one pass', () => {
    const words = ['ab', 'abc', 'abz', 'abcz', 'b', 'bc', 'cab', 'zz', 'a b', '', 'éa', 'aéb', 'é'];
    const index = new LiteralIndex(words);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'z', 'é'), maxLength: 12 }), (text) => {
        expect([...index.present(text)]).toEqual(words.map((w) => (text.includes(w) ? 1 : 0)));
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
