import type { InstrumentDefinition } from '../definition.js';
import { deepFreeze } from './phq-gad-common.js';
import { PROGRAMME_COPYRIGHT, PROGRAMME_LICENCE_NOTE, zeroToTen } from './programme-common.js';

/** "How connected do I feel?": one 0–10 rating, a Hearth programme measure that feeds the isolation early warning. */
export const CONNECTED_CHECK_IN: InstrumentDefinition = deepFreeze({
  id: 'connected-check-in',
  version: 1,
  title: 'How connected do I feel? (Hearth’s own programme measure)',
  shortTitle: 'Connection check-in',
  kind: 'programme',
  copyright: PROGRAMME_COPYRIGHT,
  licenceNote: PROGRAMME_LICENCE_NOTE,
  items: [
    {
      linkId: 'connected',
      text: 'Right now, how connected do I feel to other people?',
      options: zeroToTen('Not at all connected', 'Very connected'),
      scored: true,
      required: true,
    },
  ],
  scoring: { method: 'sum', missing: { maxMissing: 0, rule: 'fail' }, range: { min: 0, max: 10 } },
  bands: [],
  higherIsBetter: true,
  alertRules: [],
});
