import type { InstrumentDefinition } from '../../../../shared/instruments/definition.js';
import { itemBounds, scoreDecimals } from '../../../../shared/instruments/scale.js';
import { SDC_CALCULATED_EXPRESSION, VARIABLE_EXTENSION, totalCoding } from './fhir-codes.js';
import type { QuestionnaireItem } from './fhir-types.js';

/**
 * The SDC (Structured Data Capture) side of a Questionnaire: the read-only total item whose
 * `calculatedExpression` (FHIRPath) lets a generic form filler such as NLM's LHC-Forms show the same
 * total Hearth computes, and the recognition of such items on import (Hearth recomputes them).
 */

/** FHIRPath string literal: single quotes, with `\` and `'` escaped. */
function literal(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The answers' scores in FHIRPath: `weight()` (SDC's name for the ordinalValue/itemWeight of an answer), reversed where the item is. */
function scoresExpression(definition: InstrumentDefinition): string {
  const answerOf = (linkId: string) => `%resource.repeat(item).where(linkId = ${literal(linkId)}).answer.value.weight()`;
  const parts = definition.items
    .filter((item) => item.scored)
    .map((item) => {
      if (item.reverse !== true) return answerOf(item.linkId);
      const { min, max } = itemBounds(item);
      return `${answerOf(item.linkId)}.select(${min + max} - $this)`;
    });
  // combine(), not `|`: a union would drop two items that scored the same.
  return parts.reduce((all, part) => `${all}.combine(${part})`);
}

/**
 * The total as FHIRPath over `%scores`: nothing until the response could be scored (required items
 * answered, no more missing than the rule allows), then the sum or mean, prorated as Hearth prorates.
 */
function totalExpression(definition: InstrumentDefinition): string {
  const scored = definition.items.filter((item) => item.scored);
  const n = scored.length;
  const { method, missing } = definition.scoring;
  const places = scoreDecimals(definition);
  const required = scored.filter((item) => item.required).map((item) => `%resource.repeat(item).where(linkId = ${literal(item.linkId)}).answer.exists()`);
  const enough = missing.rule === 'prorate' ? `%scores.count() >= ${n - missing.maxMissing}` : `%scores.count() = ${n}`;
  const ready = [enough, ...required].join(' and ');
  const value =
    method === 'mean'
      ? `(%scores.sum() / %scores.count()).round(${places})`
      : missing.rule === 'prorate'
        ? `iif(%scores.count() = ${n}, %scores.sum(), (%scores.sum() * ${n} / %scores.count()).round(${places}))`
        : '%scores.sum()';
  return `iif(${ready}, ${value}, {})`;
}

/** A linkId not used by the definition's items: `wanted`, else `wanted-2`, `wanted-3`… */
export function freeLinkId(definition: InstrumentDefinition, wanted: string): string {
  const taken = new Set(definition.items.map((item) => item.linkId));
  let candidate = wanted;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${wanted}-${n}`;
  return candidate;
}

/** The read-only total item: LOINC total code when known, `%scores` variable and the SDC calculatedExpression. */
export function totalItem(definition: InstrumentDefinition, linkId: string): QuestionnaireItem {
  return {
    linkId,
    text: `${definition.shortTitle} total score`,
    type: 'decimal',
    readOnly: true,
    code: [totalCoding(definition)],
    extension: [
      {
        url: VARIABLE_EXTENSION,
        valueExpression: {
          name: 'scores',
          language: 'text/fhirpath',
          expression: scoresExpression(definition),
        },
      },
      {
        url: SDC_CALCULATED_EXPRESSION,
        valueExpression: {
          description: `${definition.shortTitle} total, as Hearth scores it`,
          language: 'text/fhirpath',
          expression: totalExpression(definition),
        },
      },
    ],
  };
}

const CALCULATED_TYPES = new Set(['decimal', 'integer', 'quantity']);

/**
 * Whether an imported item is a computed value rather than a question: it has an SDC
 * calculatedExpression, or it is a read-only number coded as a known total score.
 */
export function isCalculatedItem(
  item: {
    type: string;
    readOnly?: boolean | undefined;
    extension?: { url: string }[] | undefined;
    code?: { system?: string | undefined; code?: string | undefined }[] | undefined;
  },
  knownTotalCodes: ReadonlySet<string>,
): boolean {
  if (item.extension?.some((ext) => ext.url === SDC_CALCULATED_EXPRESSION)) return true;
  return CALCULATED_TYPES.has(item.type) && item.readOnly === true && (item.code ?? []).some((coding) => coding.code !== undefined && knownTotalCodes.has(coding.code));
}
