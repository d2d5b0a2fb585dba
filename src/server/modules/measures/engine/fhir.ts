/**
 * FHIR R4 import and export for instruments and submissions.
 *
 * Scores travel as the R4 core `ordinalValue` extension (valueDecimal) on each answer's Coding —
 * R4's standard home for an answer's numeric weight (R5 renamed it `itemWeight`, which R4 servers
 * do not know). Putting it on the Coding rather than on answerOption means the same Coding, score
 * included, is copied into the QuestionnaireResponse. Import also accepts it on answerOption.
 *
 * What R4 has no element for (scored/reverse flags, sum or mean, missing-item rule, range, bands,
 * caseness, reliable change, alert rules, short title, kind, licence note, LOINC total code) goes
 * as JSON in the valueString of the `HEARTH_SCORING_EXTENSION` on the Questionnaire, format
 * `hearth-scoring/1`. The stem is exported as a leading display item.
 */
export * from './fhir-codes.js';
export { fromFhirQuestionnaire, toFhirQuestionnaire, type FhirImportError, type FhirImportNote, type FhirImportResult } from './fhir-questionnaire.js';
export { MAX_IMPORT_DEPTH, MAX_IMPORT_ITEMS } from './fhir-import-guard.js';
export { toObservation, toQuestionnaireResponse, type ObservationMeta, type ResponseMeta } from './fhir-resources.js';
