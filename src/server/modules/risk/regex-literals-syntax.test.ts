import { describe, expect, it } from 'vitest';
import { requiredLiterals } from './regex-literals.js';

// The rewrite chains skip a rule whose required strings are all absent, so a string the analysis
// wrongly requires is a rule that never runs (a risk phrase left unread), and a requirement it
// fails to find is a rule run for nothing. Each case: the pattern, the strings it must require, and
// a text the pattern matches — which must contain one of them.
const CASES: [RegExp, string[], string][] = [
  // Anchors, word boundaries and lookarounds match no characters of their own.
  [/^kill me$/, ['kill m'], 'kill me'],
  [/\bself\Bharm/, ['selfha'], 'selfharm'],
  [/kill\b me/, ['kill m'], 'kill me'],
  // "." is some character: "kill.me" must not require a literal dot ("kill me" would never run the rule).
  [/kill.me/, ['kill'], 'kill me'],
  [/(?<=a )b(?<!x)cd/, ['bcd'], 'a bcd'],
  [/(?=x)xy(?!z)w/, ['xyw'], 'xyw'],
  [/(?<who>me|you) die/, ['me die', 'you die'], 'you die'],
  // Escapes with a body (code points, hex, control, property, named back-reference): some character, never the body's text.
  [/x\u0041yz/, ['yz'], 'xAyz'],
  // Built from strings: TypeScript refuses these two as literals without the u flag, under which
  // the first is "u" 41 times and the second a "p" then "{L}" — still only some characters.
  [new RegExp('x\\u{41}yz'), ['yz'], `x${'u'.repeat(41)}yz`],
  [/x\x41yz/, ['yz'], 'xAyz'],
  [/x\cJyz/, ['yz'], 'x\nyz'],
  [new RegExp('x\\p{L}yz'), ['yz'], 'xp{L}yz'],
  [new RegExp('x\\P{Lu}yz'), ['yz'], 'xP{Lu}yz'],
  [new RegExp('x\\u{1F600}yz'), ['yz'], 'xu{1F600}yz'],
  // An escape whose body is missing skips nothing: the characters after it are still required.
  [new RegExp('\\uqqqqabcd'), ['qqqqab'], 'uqqqqabcd'],
  [new RegExp('\\xqq41'), ['qq41'], 'xqq41'],
  [new RegExp('\\kqq<a>b'), ['qq<a>b'], 'kqq<a>b'],
  // A class escape has no body: "<ab>" after \s is required.
  [/x\s<ab>yz/, ['<ab>yz'], 'x <ab>yz'],
  [/(?<ab>a)\k<ab>yz/, ['yz'], 'aayz'],
  [/(?<n>a)\k<n>yz/, ['yz'], 'aayz'],
  [/a\.b/, ['a.b'], 'a.b'],
  // Quantifiers: a repeated part is required only when it must occur; {n,m} read whole; a "{" that starts none is a character.
  [/ab{2}c/, ['a'], 'abbc'],
  [/ab{0,3}cd/, ['cd'], 'acd'],
  [/ab{2,}c/, ['a'], 'abbbc'],
  [/a{1,}bc/, ['bc'], 'aabc'],
  [/ab{c/, ['ab{c'], 'ab{c'],
  [/no+pe/, ['pe'], 'nooope'],
  [/ab*?cd/, ['cd'], 'acd'],
  [/ab??cd/, ['acd', 'abcd'], 'acd'],
  [/[a\]b]cde/, ['cde'], ']cde'],
  // Alternation: an empty branch or a part every match can avoid requires nothing of it.
  [/(ab|cd|)ef/, ['ef'], 'ef'],
  [/(?:abc|abd)+/, ['abc', 'abd'], 'abdabc'],
  [/(?:kill|end) (?:it|me)/, ['end it', 'end me', 'kill it', 'kill me'], 'end me'],
];

describe('required literals of each kind of pattern syntax', () => {
  it.each(CASES)('%s requires %j, and a match (%j) contains one', (pattern, required, text) => {
    expect(requiredLiterals(pattern)?.sort()).toEqual([...required].sort());
    const match = pattern.exec(text);
    expect(match).not.toBeNull();
    expect(required.some((s) => (match?.[0] ?? '').includes(s) || text.includes(s))).toBe(true);
  });
  it('requires nothing of a pattern every text can match, or with flags it does not read', () => {
    for (const pattern of [/^$/, /\b/, /(?:)/, /a*/, /a{0,2}/, /(?=abc)/, /abc/y, /abc/u, /abc/m, /abc/s]) expect(requiredLiterals(pattern)).toBeNull();
  });
  it('keeps a cross product of alternatives up to its limit, then the best run within it', () => {
    expect(requiredLiterals(/(a|b|c)(d|e|f)(g|h|i)/)).toHaveLength(27);
    // 21 × 21 × 1 = 441 strings would exceed the limit of 400: the run from the second group on stands instead.
    const letters = [...'abcdefghijklmnopqrstu'];
    const wide = new RegExp(`(${letters.join('|')})(${letters.map((l) => l.toUpperCase()).join('|')})zz`);
    expect(requiredLiterals(wide)?.sort()).toEqual(letters.map((l) => `${l.toUpperCase()}zz`));
    // 20 × 20 = 400, at the limit: kept whole (four characters each, rarer than three).
    const twenty = letters.slice(0, 20);
    const atLimit = new RegExp(`(${twenty.join('|')})(${twenty.map((l) => l.toUpperCase()).join('|')})zz`);
    expect(requiredLiterals(atLimit)).toHaveLength(400);
  });
});
