import { SPACE_RUNS } from '../moderation/normalize-text.js';
import { normaliseSpelling } from './normalise.js';
import { RewriteChain } from './rewrite-chain.js';

// Texting shorthand, contractions and frequent misspellings, mapped to one spelling so the
// lexicon can stay small and general. Order matters: longer forms first. They read the spelling
// step's output (normalise.ts), which has already rewritten the texting forms it knows ("gonna",
// "wanna", "tmrw", "2nite") and read digits inside words as letters ("su1c1dal" → "suicidal").
export const REWRITES: [RegExp, string][] = [
  // "ran 10kms", "3 kms to the shop": kilometres after a number (found by the mutation helper, session 11).
  // A decimal count needs no pattern of its own: "2.5 km" matches at its "5".
  [/\b(\d+) ?kms?\b/g, '$1 kilometres'],
  [/\b(kms|kmsl)\b/g, 'kill myself'],
  [/\bunalive (myself|me)\b/g, 'kill myself'],
  [/\bunaliv(e|ing)\b/g, 'kill'],
  // ("sucide", "suicde", "suiside", "su1c1de", "suicidee": all forms of the first alternative.)
  [/\b(s[uw]+[i1!]*[cs]+[i1!]*d+e*|sewerslide|s\*+cide|su\*+cide)\b/g, 'suicide'],
  [/\b(suicidel|sucidal|suicdal|suisidal|suicidial)\b/g, 'suicidal'],
  [/\b(myslef|mysef|myelf|mself|mysefl|myselff|meself)\b/g, 'myself'],
  // (With no separator too: "selfharming" → "self harming".)
  [/\bself[\s-]*(harm|harming|harmed|injur(y|e|ing|ed))\b/g, 'self $1'],
  [/\b(s\/h|sh)\b/g, 'self harm'],
  [/\bi'?m\b/g, 'i am'],
  [/\bi'?ve\b/g, 'i have'],
  [/\bi'd\b/g, 'i would'],
  [/\bi'll\b/g, 'i will'],
  // Each "'?" reads the form typed without its apostrophe too ("im", "dont", "cant").
  [/\b(can'?t|cannot)\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bdon'?t\b/g, 'do not'],
  [/\bdoesn'?t\b/g, 'does not'],
  [/\bdidn'?t\b/g, 'did not'],
  [/\b(isn'?t)\b/g, 'is not'],
  [/\b(wasn'?t)\b/g, 'was not'],
  [/\b(aren'?t)\b/g, 'are not'],
  [/\b(haven'?t)\b/g, 'have not'],
  [/\b(hasn'?t)\b/g, 'has not'],
  [/\b(wouldn'?t)\b/g, 'would not'],
  [/\b(couldn'?t)\b/g, 'could not'],
  [/\b(shouldn'?t)\b/g, 'should not'],
  [/\b(ain'?t)\b/g, 'am not'],
  [/\b(it|that|what|there|who|he|she)'s\b/g, '$1 is'],
  [/\b(they|we|you)'re\b/g, '$1 are'],
  [/\b(they|we|you|he|she|it)'d\b/g, '$1 would'],
  [/\b(they|we|you|he|she)'ll\b/g, '$1 will'],
  [/\b(want|wants|going|need|have|got|ready|time|able) 2\b/g, '$1 to'],
  [/\bgotta\b/g, 'got to'],
  [/\b(wnat|wamt|whant)\b/g, 'want'],
  [/\b(wnats|wamts)\b/g, 'wants'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\b(every1|evry1|everyone's)\b/g, 'everyone'],
  [/\b(no1|noone|no-one)\b/g, 'no one'],
  [/\b(any more)\b/g, 'anymore'],
  [/\b(bc|cuz|coz|cos|bcos)\b/g, 'because'],
  [/\bthats\b/g, 'that is'],
  // session 11: the other common contractions typed without an apostrophe ("hes got a knife")
  [/\bhes\b/g, 'he is'],
  [/\bshes\b/g, 'she is'],
  [/\btheyre\b/g, 'they are'],
  [/\bwerent\b/g, 'were not'],
  [/\bwhats\b/g, 'what is'],
];

const REWRITE_CHAIN = new RewriteChain(REWRITES);

/** Spelling normalised (normalise.ts), shorthand and contractions expanded; medicine names kept. */
export function expandShorthand(raw: string): string {
  return REWRITE_CHAIN.apply(normaliseSpelling(raw));
}

/** For the phrase rules: shorthand expanded, medicines read as "pills", punctuation reduced to sentence and clause marks. */
export function prepareForRisk(raw: string): string {
  return prepareExpanded(expandShorthand(raw));
}

/** prepareForRisk for a text already through expandShorthand. */
export function prepareExpanded(expanded: string): string {
  return expanded
    .replace(/\b(meds|medication|tablets|paracetamol|painkillers|co-codamol|sleeping pills|antidepressants|insulin)\b/g, 'pills')
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]/gu, ' ')
    .replace(/[^\p{L}\p{N}'\s.!?;,\n]/gu, ' ')
    .replace(/'/g, '')
    .replace(SPACE_RUNS, ' ')
    .trim();
}

/**
 * Sentences, then segments split where a contrast turns past into present ("…, but now …": split
 * at its "but", so the segment after it reads "now …").
 */
export function segments(prepared: string): string[] {
  return prepared
    .split(/[.!?;\n]/)
    .flatMap((sentence) => sentence.split(/,?\s\b(?:but|though|although|however|whereas|yet|and now|these days|nowadays)\b\s|,\s*now\s/))
    .map((s) => s.trim())
    .filter(Boolean);
}
