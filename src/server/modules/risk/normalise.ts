import { SPACE_RUNS, matchingForm } from '../moderation/normalize-text.js';
import { RewriteChain } from './rewrite-chain.js';

/**
 * Spelling normalisation before any risk analysis: what a member types on a phone at 3 a.m. is
 * brought to one spelling so that concepts, not spellings, are matched. Each step is small and
 * tested on its own (normalise.test.ts); the order matters (look-alike letters before leetspeak,
 * spaced letters before shorthand).
 */

// Cyrillic and Greek letters that look like Latin ones ("ѕuісіdе"): read as the Latin letter.
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ς: 's',
};
// Stryker disable next-line StringLiteral: any other separator only adds characters to the class, and each is replaced by itself (`HOMOGLYPHS[c] ?? c`)
const HOMOGLYPH_PATTERN = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');

// Emoji people use in place of words; the rest of the emoji are dropped later.
const EMOJI_WORDS: [RegExp, string][] = [
  [/\u{1F48A}/gu, ' pills '],
  [/\u{1F52A}|\u{1F5E1}\uFE0F?/gu, ' knife '],
  [/\u{1FA92}/gu, ' razor '],
  [/\u{1FAA2}/gu, ' rope '],
  [/\u{1F52B}/gu, ' gun '],
  [/\u{1F309}/gu, ' bridge '],
  [/\u{1FA78}/gu, ' blood '],
  [/\u26B0\uFE0F?/gu, ' coffin '],
  [/\u{1F44B}/gu, ' bye '],
  [/\u{1F480}|\u2620\uFE0F?/gu, ' '],
];

// Leetspeak inside a word that also has letters: "k1ll", "su1c1de", "p!lls", "d1e".
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' };
// Numbers with units or ordinals stay numbers ("50mg", "3am", "2nd", "30x").
const NUMBER_WITH_UNIT = /^\d+(?:[.,]\d+)?(?:mg|mcg|ml|g|kg|x|am|pm|st|nd|rd|th|s|k|h|hrs?|mins?|yo|yrs?|days?|wks?)$/;

/** Words that may be spelled out letter by letter ("d i e", "k m s") and are joined even when short. */
const SHORT_SPELLED = new Set(['die', 'kms', 'cut', 'od', 'end', 'sh', 'kys']);

// Frequent typos and texting forms of the words risk hangs on; shorthand the phrase rules also know.
export const TYPOS: [RegExp, string][] = [
  [/\b(tonite|2nite|tonigt|tonihgt|tnight|2night)\b/g, 'tonight'],
  [/\b(tmrw|tmr|tmoz|tomoz|2moro|2morrow|tomorow|tommorow|tommorrow)\b/g, 'tomorrow'],
  [/\b(rn|rite now|ryt now|right nw)\b/g, 'right now'],
  [/\b(tabs|tablts|tablest|tabets|tabelts)\b/g, 'tablets'],
  [/\b(pils|pillz|pilss)\b/g, 'pills'],
  [/\b(goodby|gudbye|goodbi|g2g forever)\b/g, 'goodbye'],
  [/\b(everythin|evrything|everyting|evrythng)\b/g, 'everything'],
  [/\b(somethin|sumthin|smth|sth)\b/g, 'something'],
  [/\b(nothin|nuthin|nthng)\b/g, 'nothing'],
  [/\b(any1|ne1)\b/g, 'anyone'],
  [/\b(some1|sum1)\b/g, 'someone'],
  [/\b(b4)\b/g, 'before'],
  [/\b(l8r|l8ter)\b/g, 'later'],
  [/\b(w8)\b/g, 'wait'],
  [/\b(gna|gonna|gunna|finna|boutta|bout to)\b/g, 'going to'],
  [/\b(wanna|wana|wnna)\b/g, 'want to'],
  [/\b(tryna)\b/g, 'trying to'],
  [/\b(ppl)\b/g, 'people'],
  [/\b(polis|feds)\b/g, 'police'],
  [/\b(bf)\b/g, 'boyfriend'],
  [/\b(gf)\b/g, 'girlfriend'],
  [/\b(pls|plz)\b/g, 'please'],
  [/\b(thx|ty)\b/g, 'thanks'],
  [/\b(idk)\b/g, 'i do not know'],
  [/\b(idc)\b/g, 'i do not care'],
  [/\b(ngl|tbh|frfr|deadass|lowkey|highkey|istg|smh|omg|ffs|x+|xo+)\b/g, ' '],
  // "no cap" is "no lie", not a negation ("gonna do it tonight no cap").
  [/\bno (cap|kap)\b/g, ' '],
  [/\b(lmao+|lmfao|haha+|hehe+|rofl)\b/g, 'lol'],
  [/\b(kys)\b/g, 'kill yourself'],
];

const TYPO_CHAIN = new RewriteChain(TYPOS);

/**
 * Jamaican and other Caribbean Creole forms, read into English ("mi a go jump" → "i am going to
 * jump", "him seh him a go chop mi up" → "he says he is going to chop me up") — only in a message
 * with at least two of the creole's own words, so that an English "di" or "dem" is left alone.
 */
const CREOLE_MARKER = /\b(mi|pon|deh|wid|seh|sey|cyaan|caan|nuh|inna|gwaan|tek|yuh|unnu|fi|likkle|nah)\b/g;
const CREOLE: [RegExp, string][] = [
  [/\b(mi|me) (a go|ago|ah go|a gwaan|gwaan)\b/g, 'i am going to'],
  [/\b(him|im) (a go|ago|ah go|gwaan)\b/g, 'he is going to'],
  [/\b(she|shi) (a go|ago|ah go|gwaan)\b/g, 'she is going to'],
  [/\b(dem|dey) (a go|ago|ah go|gwaan)\b/g, 'they are going to'],
  [/\b(him|im) (seh|sey)\b/g, 'he says'],
  [/\b(she|shi) (seh|sey)\b/g, 'she says'],
  [/\b(him|im) deh\b/g, 'he is'],
  [/\b(she|shi) deh\b/g, 'she is'],
  [/\bmi deh\b/g, 'i am'],
  [/\bdeh yah\b/g, 'here'],
  // Stryker disable next-line ArrayDeclaration: without this row "inna" and "di" are read by their own rows below, to the same "in the"
  [/\binna di\b/g, 'in the'],
  [/\b(cyaan|caan)\b/g, 'can not'],
  [/\b(seh|sey)\b/g, 'says'],
  [/\binna\b/g, 'in'],
  [/\bpon\b/g, 'on'],
  [/\bdi\b/g, 'the'],
  [/\bwid\b/g, 'with'],
  [/\bnuh\b/g, 'not'],
  [/\btek\b/g, 'take'],
  [/\bmek\b/g, 'make'],
  [/\byuh\b/g, 'you'],
  [/\bfi\b/g, 'for'],
  // "mi" starting a clause is the subject, elsewhere the object ("chop mi up").
  [/(^|[.!?,;] |\b(?:and|an|but|so|cause|cos|now|then) )mi\b/g, '$1i'],
  [/\bmi\b/g, 'me'],
];

function readCreole(text: string): string {
  const markers = text.match(CREOLE_MARKER);
  if (!markers || markers.length < 2) return text;
  for (const [pattern, english] of CREOLE) text = text.replace(pattern, english);
  return text;
}

/**
 * Whether a text may hold a letter three or more times in a row: three equal UTF-16 units in a
 * row, or any surrogate (a letter outside the BMP repeated is not three equal units). Without
 * one, the letter-run rewrite below cannot match, and its Unicode regex — the slowest step of
 * the normalisation — is not run.
 */
function mayRepeatLetters(text: string): boolean {
  // Stryker disable next-line EqualityOperator: one more turn reads charCodeAt past the end, NaN, which equals nothing and is no surrogate
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
    if (i >= 2 && c === text.charCodeAt(i - 1) && c === text.charCodeAt(i - 2)) return true;
  }
  // Stryker disable next-line BooleanLiteral: a guard that only saves time: answering yes runs the letter-run rewrite, which then changes nothing
  return false;
}

function joinSpacedLetters(text: string): string {
  // Two letters are joined only into a listed word ("o d" → "od", "s h" → "sh").
  return text.replace(/\b(?:[a-z][ .\-*_]){1,}[a-z]\b/g, (run) => {
    const word = run.replace(/[ .\-*_]/g, '');
    return word.length >= 4 || SHORT_SPELLED.has(word) ? word : run;
  });
}

function unLeet(text: string): string {
  // Most messages have no digit or symbol to read: nothing to rewrite (and no string rebuilt).
  // Stryker disable next-line ConditionalExpression,Regex: a guard that only saves time: every token without a digit or sign is returned unchanged below anyway
  if (!/[\d@$!|]/.test(text)) return text;
  return text.replace(/[\p{L}\d@$!|]+/gu, (token) => {
    if (!/[\d@$!|]/.test(token) || !/\p{L}.*\p{L}/u.test(token) || NUMBER_WITH_UNIT.test(token)) return token;
    // A number glued to a word ("30pills") is a count: split it off, keep the digits.
    if (/^\d{2,}\p{L}/u.test(token)) return token.replace(/^(\d+)/, '$1 ');
    // Only characters inside a word change ("k1ll", "p!lls", "0verdose"); "help!" keeps its "!".
    return token
      .replace(/^[013457@$](?=\p{L}{2})/u, (c) => LEET[c] ?? c)
      .replace(/(?<=\p{L})[0134579@$!|]+(?=[0134579@$!|]*\p{L})/gu, (run, at: number, word: string) =>
        // "|" is an l ("ki||") or, before an l, an i ("k|ll", "p|lls").
        [...run].map((c, k) => (c === '|' && word[at + k + 1] === 'l' ? 'i' : (LEET[c] ?? c))).join(''),
      );
  });
}

/**
 * Lower case, look-alike letters, emoji as words, spaced-out and leetspeak words joined, long
 * letter runs shortened ("sooooo" → "soo", "killll" → "kill") and common typos fixed.
 */
export function normaliseSpelling(raw: string): string {
  // Stryker disable next-line StringLiteral: matchingForm has already straightened curly apostrophes, so this replace finds nothing to change
  let text = matchingForm(raw).replace(/[\u2018\u2019]/g, "'");
  text = text.replace(HOMOGLYPH_PATTERN, (c) => HOMOGLYPHS[c] ?? c);
  for (const [pattern, word] of EMOJI_WORDS) text = text.replace(pattern, word);
  text = joinSpacedLetters(text);
  text = unLeet(text);
  // Stryker disable next-line ConditionalExpression: a guard that only saves time: without a run of three the rewrite changes nothing
  if (mayRepeatLetters(text)) text = text.replace(/(\p{L})\1{2,}/gu, '$1$1');
  text = TYPO_CHAIN.apply(text);
  text = readCreole(text);
  return text.replace(SPACE_RUNS, ' ').trim();
}
