import type { InstrumentDefinition } from '../../../../shared/instruments/definition.js';
import { HEARTH_MEASURES_SYSTEM, HEARTH_SCORING_EXTENSION, LOINC_SYSTEM, answerCoding, localCode, questionnaireUrl } from './fhir-codes.js';
import type { ScoringPayload } from './fhir-payload.js';
import { freeLinkId, totalItem } from './fhir-sdc.js';
import type { Questionnaire, QuestionnaireItem } from './fhir-types.js';

export { fromFhirQuestionnaire, type FhirImportNote, type FhirImportResult } from './fhir-import.js';
export type { FhirImportError } from './fhir-import-guard.js';

/**
 * Exports a definition as an R4 Questionnaire: LOINC codes where known, scores as ordinalValue on
 * scored items only, a read-only total item with an SDC calculatedExpression, and the rest in the
 * Hearth scoring extension.
 */
export function toFhirQuestionnaire(definition: InstrumentDefinition, options: { base?: string } = {}): Questionnaire {
  const payload: ScoringPayload = {
    format: 'hearth-scoring/1',
    id: definition.id,
    shortTitle: definition.shortTitle,
    kind: definition.kind,
    licenceNote: definition.licenceNote,
    ...(definition.loinc?.total !== undefined ? { loincTotal: definition.loinc.total } : {}),
    ...(definition.publishedVersion !== undefined ? { publishedVersion: definition.publishedVersion } : {}),
    items: definition.items.map((item) => ({
      linkId: item.linkId,
      scored: item.scored,
      ...(item.reverse === true ? { reverse: true } : {}),
      ...(item.scored ? {} : { values: item.options.map((option) => option.value) }),
    })),
    scoring: definition.scoring,
    bands: definition.bands,
    ...(definition.caseness ? { caseness: definition.caseness } : {}),
    ...(definition.reliableChange ? { reliableChange: definition.reliableChange } : {}),
    higherIsBetter: definition.higherIsBetter,
    alertRules: definition.alertRules,
  };
  const questions: QuestionnaireItem[] = definition.items.map((item) => ({
    linkId: item.linkId,
    text: item.text,
    type: 'choice',
    required: item.required,
    ...(item.loinc !== undefined ? { code: [{ system: LOINC_SYSTEM, code: item.loinc }] } : {}),
    answerOption: item.options.map((option) => ({ valueCoding: answerCoding(definition, item, option) })),
  }));
  const stem: QuestionnaireItem[] = definition.stem === undefined ? [] : [{ linkId: freeLinkId(definition, 'stem'), text: definition.stem, type: 'display' }];
  return {
    resourceType: 'Questionnaire',
    id: `${definition.id}-v${definition.version}`,
    extension: [{ url: HEARTH_SCORING_EXTENSION, valueString: JSON.stringify(payload) }],
    url: questionnaireUrl(definition.id, options.base),
    version: String(definition.version),
    name: computerName(definition.id),
    title: definition.title,
    status: 'active',
    subjectType: ['Patient'],
    copyright: definition.copyright,
    code: [
      definition.loinc?.panel !== undefined
        ? { system: LOINC_SYSTEM, code: definition.loinc.panel }
        : { system: HEARTH_MEASURES_SYSTEM, code: localCode.instrument(definition.id), display: definition.title },
    ],
    item: [...stem, ...questions, totalItem(definition, freeLinkId(definition, 'total'))],
  };
}

/** A FHIR `name` (que-0: starts with a capital, then letters, digits, underscores): phq-9 → Phq9. */
function computerName(id: string): string {
  const name = id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return /^[A-Z]/.test(name) ? name : `Q${name}`;
}
