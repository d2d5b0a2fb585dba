import type { InstrumentDefinition } from '../definition.js';
import { deepFreeze } from './phq-gad-common.js';

/** The credit line the Open Government Licence asks for, naming the source publication. */
export const ONS_LONELINESS_CREDIT =
  'Source: Office for National Statistics, "Measuring loneliness: guidance for use of the national indicators on surveys" (December 2018). Contains public sector information licensed under the Open Government Licence v3.0.';

/**
 * The ONS direct measure of loneliness: one question, "How often do you feel lonely?", with the
 * ONS answer scale. Scored 1 (Never) to 5 (Often/always) so that, like PHQ-9, a higher score is
 * worse; ONS reports "Often/always" as chronic loneliness. No clinical cut-off or reliable-change
 * threshold is published for a single item, so none is declared. Its LOINC code is not known to
 * Hearth, so FHIR exports use the local code system. It feeds the isolation early warning.
 */
export const ONS_LONELINESS: InstrumentDefinition = deepFreeze({
  id: 'ons-loneliness',
  version: 1,
  title: 'ONS direct measure of loneliness',
  shortTitle: 'ONS loneliness',
  kind: 'validated',
  copyright: ONS_LONELINESS_CREDIT,
  licenceNote: 'Open Government Licence v3.0 (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/): free to copy, publish and adapt with this attribution.',
  items: [
    {
      linkId: 'ons-lonely',
      text: 'How often do you feel lonely?',
      options: [
        { value: 5, label: 'Often/always' },
        { value: 4, label: 'Some of the time' },
        { value: 3, label: 'Occasionally' },
        { value: 2, label: 'Hardly ever' },
        { value: 1, label: 'Never' },
      ],
      scored: true,
      required: true,
    },
  ],
  scoring: { method: 'sum', missing: { maxMissing: 0, rule: 'fail' }, range: { min: 1, max: 5 } },
  bands: [
    { min: 1, max: 2, label: 'Hardly ever or never', severity: 0 },
    { min: 3, max: 4, label: 'Occasionally or some of the time', severity: 1 },
    { min: 5, max: 5, label: 'Often or always (chronic loneliness)', severity: 2 },
  ],
  higherIsBetter: false,
  alertRules: [],
});
