import type { InstrumentDefinition } from '../definition.js';
import { GAD_STEM, PHQ_GAD_CREDIT, PHQ_GAD_LICENCE_NOTE, deepFreeze, frequencyItem } from './phq-gad-common.js';

/** GAD-7 (Spitzer et al. 2006). Caseness ≥ 8 and reliable change 4 as in Hearth's design; one missing item is prorated. */
export const GAD_7: InstrumentDefinition = deepFreeze({
  id: 'gad-7',
  version: 1,
  title: 'Generalized Anxiety Disorder scale (GAD-7)',
  shortTitle: 'GAD-7',
  kind: 'validated',
  stem: GAD_STEM,
  copyright: PHQ_GAD_CREDIT,
  licenceNote: PHQ_GAD_LICENCE_NOTE,
  loinc: { panel: '69737-5', total: '70274-6' },
  items: [
    frequencyItem('gad7-1', 'Feeling nervous, anxious, or on edge', '69725-0', false),
    frequencyItem('gad7-2', 'Not being able to stop or control worrying', '68509-9', false),
    frequencyItem('gad7-3', 'Worrying too much about different things', '69733-4', false),
    frequencyItem('gad7-4', 'Trouble relaxing', '69734-2', false),
    frequencyItem('gad7-5', 'Being so restless that it is hard to sit still', '69735-9', false),
    frequencyItem('gad7-6', 'Becoming easily annoyed or irritable', '69689-8', false),
    frequencyItem('gad7-7', 'Feeling afraid, as if something awful might happen', '69736-7', false),
  ],
  scoring: { method: 'sum', missing: { maxMissing: 1, rule: 'prorate' }, range: { min: 0, max: 21 }, decimals: 1 },
  bands: [
    { min: 0, max: 4, label: 'Minimal', severity: 0 },
    { min: 5, max: 9, label: 'Mild', severity: 1 },
    { min: 10, max: 14, label: 'Moderate', severity: 2 },
    { min: 15, max: 21, label: 'Severe', severity: 3 },
  ],
  caseness: { threshold: 8, direction: 'atOrAbove' },
  reliableChange: { threshold: 4 },
  higherIsBetter: false,
  alertRules: [],
});
