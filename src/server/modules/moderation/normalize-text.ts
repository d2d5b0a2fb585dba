import { AppError } from '../../http/errors.js';

// Bidirectional embeddings, overrides and isolates can make a message read differently from what
// it contains (a disguised link or phone number): refused, with a clear reason.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
// Invisible characters with no purpose in a chat message: removed. ZWNJ and ZWJ are kept in the
// stored text (Persian and Indic scripts, emoji sequences) but dropped for matching.
const INVISIBLE_STORED = /[\u200B\u200E\u200F\u2060-\u2064\uFEFF\u00AD\u180E]/g;
const INVISIBLE_ALL = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]|\u034F/g;
// Free text is bounded by each caller's schema; this is a last line for callers that forget.
export const MAX_MODERATED_LENGTH = 20_000;

/**
 * The text as it will be stored: NFKC (full-width letters, ligatures and look-alike digits become
 * plain ones, so what is matched is what is shown), invisible characters removed, line endings
 * unified. Throws `validation_failed` for direction controls and over-long text.
 */
export function normalizeForStorage(raw: string): string {
  if (raw.length > MAX_MODERATED_LENGTH) {
    throw new AppError('validation_failed', `The text is too long (at most ${MAX_MODERATED_LENGTH} characters).`, [{ path: 'body.text', message: 'Too long.' }]);
  }
  if (BIDI_CONTROLS.test(raw)) {
    throw new AppError('validation_failed', 'The text contains invisible direction-control characters. Please retype it without them.', [
      { path: 'body.text', message: 'Contains right-to-left or left-to-right override characters.' },
    ]);
  }
  return raw.normalize('NFKC').replace(INVISIBLE_STORED, '').replace(/\r\n?/g, '\n').trim();
}

/**
 * Runs of spaces and tabs (never newlines) that are not already one plain space. Replacing these
 * with ' ' gives the same text as replacing every run, without rebuilding a string at every word.
 * The one definition for moderation and risk; global, so use it with replace (not test/exec).
 */
export const SPACE_RUNS = /[^\S\n]{2,}|[^\S \n]/g;

/** The form every matcher works on: NFKC, no invisible characters, lower case, curly quotes straightened, single spaces. */
export function matchingForm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE_ALL, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u2033]/g, '"')
    .replace(SPACE_RUNS, ' ');
}
