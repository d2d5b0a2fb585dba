import type { AnswerOption, InstrumentDefinition, InstrumentItem } from '../../../../shared/instruments/definition.js';
import { HEARTH_MEASURES_SYSTEM, OBSERVATION_CATEGORY_SYSTEM, UCUM_SYSTEM, answerCoding, localCode, questionnaireUrl, totalCoding } from './fhir-codes.js';
import { freeLinkId } from './fhir-sdc.js';
import type { Coding, Observation, QuestionnaireResponse, QuestionnaireResponseItem } from './fhir-types.js';
import type { Answers, ScoredResponse } from './score.js';

export interface ResponseMeta {
  id?: string;
  /** Literal reference to the participant: `Patient/…`. */
  subject: string;
  /** When the participant submitted (FHIR dateTime with time zone). */
  authored: string;
  /** Who entered it, when not the participant (a clinician transcribing a paper form). */
  author?: string;
  status?: 'completed' | 'amended';
  /** The score Hearth computed, written as the answer to the Questionnaire's read-only total item. */
  total?: number;
  /** The service's FHIR base for the Questionnaire canonical (default: Hearth's own). */
  base?: string;
}

// An answer's Coding depends on its definition, item and option only: built once per definition
// object (the service-wide $export writes thousands of responses per instrument version). Frozen,
// as every response shares it.
const answerCodings = new WeakMap<InstrumentDefinition, Map<InstrumentItem, Map<AnswerOption, Coding>>>();

const linkIds = new WeakMap<InstrumentDefinition, Set<string>>();

function sharedAnswerCoding(definition: InstrumentDefinition, item: InstrumentItem, option: AnswerOption): Coding {
  let items = answerCodings.get(definition);
  if (!items) answerCodings.set(definition, (items = new Map()));
  let options = items.get(item);
  if (!options) items.set(item, (options = new Map()));
  let coding = options.get(option);
  if (!coding) {
    coding = answerCoding(definition, item, option);
    for (const extension of coding.extension ?? []) Object.freeze(extension);
    if (coding.extension) Object.freeze(coding.extension);
    options.set(option, Object.freeze(coding));
  }
  return coding;
}

/**
 * A submission as an R4 QuestionnaireResponse against the definition's canonical URL and version.
 * Unanswered items are left out (R4 forbids empty items). Answers must already have been scored.
 */
export function toQuestionnaireResponse(definition: InstrumentDefinition, answers: Answers, meta: ResponseMeta): QuestionnaireResponse {
  let known = linkIds.get(definition);
  if (!known) linkIds.set(definition, (known = new Set(definition.items.map((item) => item.linkId))));
  const unknown = Object.keys(answers).find((linkId) => !known.has(linkId));
  if (unknown !== undefined) throw new RangeError(`${definition.shortTitle} has no item "${unknown}".`);

  const items: QuestionnaireResponseItem[] = [];
  for (const item of definition.items) {
    const value = Object.hasOwn(answers, item.linkId) ? answers[item.linkId] : undefined;
    if (value === null || value === undefined) continue;
    const option = item.options.find((o) => o.value === value);
    if (option === undefined) throw new RangeError(`${value} is not an answer to "${item.linkId}".`);
    items.push({
      linkId: item.linkId,
      text: item.text,
      answer: [{ valueCoding: sharedAnswerCoding(definition, item, option) }],
    });
  }
  if (meta.total !== undefined) {
    items.push({ linkId: freeLinkId(definition, 'total'), text: `${definition.shortTitle} total score`, answer: [{ valueDecimal: meta.total }] });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    ...(meta.id !== undefined ? { id: meta.id } : {}),
    questionnaire: `${questionnaireUrl(definition.id, meta.base)}|${definition.version}`,
    status: meta.status ?? 'completed',
    subject: { reference: meta.subject },
    authored: meta.authored,
    ...(meta.author !== undefined ? { author: { reference: meta.author } } : {}),
    item: items,
  };
}

export interface ObservationMeta {
  id?: string;
  subject: string;
  effectiveDateTime: string;
  /** Literal reference to the QuestionnaireResponse the score was derived from. */
  questionnaireResponse: string;
  issued?: string;
}

/**
 * The total score as an R4 Observation: category survey, LOINC total code when known, valueInteger
 * (valueQuantity {score} when prorating made it fractional), the band as interpretation.
 */
export function toObservation(definition: InstrumentDefinition, result: ScoredResponse, meta: ObservationMeta): Observation {
  if (result.instrumentId !== definition.id || result.version !== definition.version) {
    throw new RangeError(`This result is for ${result.instrumentId} version ${result.version}, not ${definition.id} version ${definition.version}.`);
  }
  const value = Number.isInteger(result.total) ? { valueInteger: result.total } : { valueQuantity: { value: result.total, unit: '{score}', system: UCUM_SYSTEM, code: '{score}' } };
  const band = result.band;
  return {
    resourceType: 'Observation',
    ...(meta.id !== undefined ? { id: meta.id } : {}),
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' }] }],
    code: { coding: [totalCoding(definition)], text: `${definition.shortTitle} total score` },
    subject: { reference: meta.subject },
    effectiveDateTime: meta.effectiveDateTime,
    ...(meta.issued !== undefined ? { issued: meta.issued } : {}),
    ...value,
    ...(band
      ? {
          interpretation: [
            {
              coding: [
                {
                  system: HEARTH_MEASURES_SYSTEM,
                  code: localCode.band(definition.id, band.severity),
                  display: band.label,
                },
              ],
              text: band.label,
            },
          ],
        }
      : {}),
    ...(result.prorated
      ? {
          note: [
            {
              text: `Prorated: ${result.missingCount} of ${result.answeredCount + result.missingCount} scored items were unanswered.`,
            },
          ],
        }
      : {}),
    derivedFrom: [{ reference: meta.questionnaireResponse }],
  };
}
