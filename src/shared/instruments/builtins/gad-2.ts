import type { InstrumentDefinition } from '../definition.js';
import { GAD_STEM, PHQ_GAD_CREDIT, PHQ_GAD_LICENCE_NOTE, deepFreeze, frequencyItem } from './phq-gad-common.js';

/**
 * GAD-2: the first two GAD-7 items; 3 or more is a positive screen (follow with the GAD-7). The
 * design gives no LOINC panel or total code for it, so those use Hearth's local code system.
 */
export const GAD_2: InstrumentDefinition = deepFreeze({
  id: 'gad-2',
  version: 1,
  title: 'Generalized Anxiety Disorder-2 (GAD-2)',
  shortTitle: 'GAD-2',
  kind: 'validated',
  stem: GAD_STEM,
  copyright: PHQ_GAD_CREDIT,
  licenceNote: PHQ_GAD_LICENCE_NOTE,
  items: [frequencyItem('gad2-1', 'Feeling nervous, anxious, or on edge', '69725-0', true), frequencyItem('gad2-2', 'Not being able to stop or control worrying', '68509-9', true)],
  scoring: { method: 'sum', missing: { maxMissing: 0, rule: 'fail' }, range: { min: 0, max: 6 } },
  bands: [
    { min: 0, max: 2, label: 'Negative screen', severity: 0 },
    { min: 3, max: 6, label: 'Positive screen', severity: 1 },
  ],
  caseness: { threshold: 3, direction: 'atOrAbove' },
  higherIsBetter: false,
  alertRules: [],
});
