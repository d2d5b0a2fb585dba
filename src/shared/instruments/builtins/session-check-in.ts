import type { InstrumentDefinition } from '../definition.js';
import { deepFreeze } from './phq-gad-common.js';
import { PROGRAMME_COPYRIGHT, PROGRAMME_LICENCE_NOTE, zeroToTen } from './programme-common.js';

/**
 * Hearth's session check-in: three 0–10 ratings after a session. A programme measure (no bands,
 * caseness or reliable change); the score is the mean of the answered ratings, one may be skipped.
 */
export const SESSION_CHECK_IN: InstrumentDefinition = deepFreeze({
  id: 'session-check-in',
  version: 1,
  title: 'Session check-in (Hearth’s own programme measure)',
  shortTitle: 'Session check-in',
  kind: 'programme',
  stem: 'A quick check-in about today. There are no right answers.',
  copyright: PROGRAMME_COPYRIGHT,
  licenceNote: PROGRAMME_LICENCE_NOTE,
  items: [
    {
      linkId: 'feel',
      text: 'How am I feeling today?',
      options: zeroToTen('Very low', 'Very good'),
      scored: true,
      required: false,
    },
    {
      linkId: 'connected',
      text: 'How connected did I feel to the group in this session?',
      options: zeroToTen('Not at all connected', 'Very connected'),
      scored: true,
      required: false,
    },
    {
      linkId: 'useful',
      text: 'How useful was this session for me?',
      options: zeroToTen('Not at all useful', 'Very useful'),
      scored: true,
      required: false,
    },
  ],
  scoring: { method: 'mean', missing: { maxMissing: 1, rule: 'prorate' }, range: { min: 0, max: 10 }, decimals: 1 },
  bands: [],
  higherIsBetter: true,
  alertRules: [],
});
