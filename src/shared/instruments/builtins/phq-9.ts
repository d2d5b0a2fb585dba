import type { InstrumentDefinition } from '../definition.js';
import { PHQ_GAD_CREDIT, PHQ_GAD_LICENCE_NOTE, PHQ_STEM, deepFreeze, frequencyItem } from './phq-gad-common.js';

/**
 * PHQ-9 (Kroenke, Spitzer & Williams 2001). Bands, caseness ≥ 10 and reliable change 6 as in
 * Hearth's design. Missing items: up to one of items 1–8 may be missing and is prorated; item 9 is
 * required because its answer drives the same-day safety alert and must never be inferred.
 */
export const PHQ_9: InstrumentDefinition = deepFreeze({
  id: 'phq-9',
  version: 1,
  title: 'Patient Health Questionnaire (PHQ-9)',
  shortTitle: 'PHQ-9',
  kind: 'validated',
  stem: PHQ_STEM,
  copyright: PHQ_GAD_CREDIT,
  licenceNote: PHQ_GAD_LICENCE_NOTE,
  loinc: { panel: '44249-1', total: '44261-6' },
  items: [
    frequencyItem('phq9-1', 'Little interest or pleasure in doing things', '44250-9', false),
    frequencyItem('phq9-2', 'Feeling down, depressed, or hopeless', '44255-8', false),
    frequencyItem('phq9-3', 'Trouble falling or staying asleep, or sleeping too much', '44259-0', false),
    frequencyItem('phq9-4', 'Feeling tired or having little energy', '44254-1', false),
    frequencyItem('phq9-5', 'Poor appetite or overeating', '44251-7', false),
    frequencyItem('phq9-6', 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down', '44258-2', false),
    frequencyItem('phq9-7', 'Trouble concentrating on things, such as reading the newspaper or watching television', '44252-5', false),
    frequencyItem(
      'phq9-8',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      '44253-3',
      false,
    ),
    frequencyItem('phq9-9', 'Thoughts that you would be better off dead or of hurting yourself in some way', '44260-8', true),
    {
      linkId: 'phq9-difficulty',
      text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
      options: [
        { value: 0, label: 'Not difficult at all', loinc: 'LA6572-7' },
        { value: 1, label: 'Somewhat difficult', loinc: 'LA6573-5' },
        { value: 2, label: 'Very difficult', loinc: 'LA6575-0' },
        { value: 3, label: 'Extremely difficult', loinc: 'LA6574-3' },
      ],
      scored: false,
      required: false,
      loinc: '69722-7',
    },
  ],
  scoring: { method: 'sum', missing: { maxMissing: 1, rule: 'prorate' }, range: { min: 0, max: 27 }, decimals: 1 },
  bands: [
    { min: 0, max: 4, label: 'Minimal', severity: 0 },
    { min: 5, max: 9, label: 'Mild', severity: 1 },
    { min: 10, max: 14, label: 'Moderate', severity: 2 },
    { min: 15, max: 19, label: 'Moderately severe', severity: 3 },
    { min: 20, max: 27, label: 'Severe', severity: 4 },
  ],
  caseness: { threshold: 10, direction: 'atOrAbove' },
  reliableChange: { threshold: 6 },
  higherIsBetter: false,
  alertRules: [
    {
      linkId: 'phq9-9',
      op: '>=',
      value: 1,
      tier: 'urgent',
      message: 'Thoughts of being better off dead or of self-harm reported (PHQ-9 item 9). Contact the participant today and review their safety plan.',
    },
  ],
});
