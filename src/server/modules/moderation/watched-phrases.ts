import type { DbOrTx } from '../../db/database.js';
import type { WatchedPhraseAction } from '../../db/schema.js';
import { matchingForm } from './normalize-text.js';

export interface WatchedPhrase {
  id: string;
  normalized: string;
  action: WatchedPhraseAction;
}

export interface PhraseMatch {
  phrase: WatchedPhrase;
}

/** The key a phrase is stored and matched by: NFKC, lower case, single spaces, trimmed. */
export function normalizePhrase(phrase: string): string {
  return matchingForm(phrase).replace(/\s+/g, ' ').trim();
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole words only: "kill" does not match "skills"; spaces in a phrase match any run of spaces. */
function phrasePattern(normalized: string): RegExp {
  const body = normalized.split(' ').map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'giu');
}

/** The watched phrases a text contains (matched case-insensitively, whole words, after NFKC). */
export function matchWatchedPhrases(text: string, phrases: readonly WatchedPhrase[]): PhraseMatch[] {
  const form = matchingForm(text);
  return phrases.filter((p) => p.normalized && phrasePattern(p.normalized).test(form)).map((phrase) => ({ phrase }));
}

export const REDACTION = '[removed]';

/** Replaces every occurrence of the phrases in the stored text (already NFKC) with a marker. */
export function redactPhrases(text: string, phrases: readonly WatchedPhrase[]): string {
  let result = text;
  for (const p of phrases) result = result.replace(phrasePattern(p.normalized), REDACTION);
  return result;
}

/** The service's watched phrases. */
export function loadWatchedPhrases(db: DbOrTx): Promise<WatchedPhrase[]> {
  return db.selectFrom('watched_phrases').select(['id', 'normalized', 'action']).execute();
}
