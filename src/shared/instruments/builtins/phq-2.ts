import type { InstrumentDefinition } from '../definition.js';
import { PHQ_GAD_CREDIT, PHQ_GAD_LICENCE_NOTE, PHQ_STEM, deepFreeze, frequencyItem } from './phq-gad-common.js';

/** PHQ-2: the first two PHQ-9 items; 3 or more is a positive screen (follow with the PHQ-9). Both items required. */
export const PHQ_2: InstrumentDefinition = deepFreeze({
  id: 'phq-2',
  version: 1,
  title: 'Patient Health Questionnaire-2 (PHQ-2)',
  shortTitle: 'PHQ-2',
  kind: 'validated',
  stem: PHQ_STEM,
  copyright: PHQ_GAD_CREDIT,
  licenceNote: PHQ_GAD_LICENCE_NOTE,
  loinc: { panel: '55757-9', total: '55758-7' },
  items: [
    frequencyItem('phq2-1', 'Little interest or pleasure in doing things', '44250-9', true),
    frequencyItem('phq2-2', 'Feeling down, depressed, or hopeless', '44255-8', true),
  ],
  scoring: { method: 'sum', missing: { maxMissing: 0, rule: 'fail' }, range: { min: 0, max: 6 } },
  bands: [
    { min: 0, max: 2, label: 'Negative screen', severity: 0 },
    { min: 3, max: 6, label: 'Positive screen', severity: 1 },
  ],
  caseness: { threshold: 3, direction: 'atOrAbove' },
  higherIsBetter: false,
  alertRules: [],
});
