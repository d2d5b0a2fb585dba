import type { AnswerOption, InstrumentDefinition, InstrumentItem } from '../../../../shared/instruments/definition.js';
import { LOINC_SYSTEM } from '../../../../shared/instruments/loinc.js';
import type { Coding, Extension } from './fhir-types.js';

export { LOINC_SYSTEM };

/** Base of Hearth's own FHIR canonical URLs. A placeholder domain until the project owns one. */
export const HEARTH_FHIR_BASE = 'https://hearth.example/fhir';
/** Hearth's local code system: instruments, totals, answers and bands that have no LOINC code. */
export const HEARTH_MEASURES_SYSTEM = `${HEARTH_FHIR_BASE}/CodeSystem/hearth-measures`;
/** Hearth's local code system for the kinds and tiers of safety alerts (exported as Flag.code). */
export const HEARTH_ALERTS_SYSTEM = `${HEARTH_FHIR_BASE}/CodeSystem/hearth-alerts`;
/**
 * Extension on Questionnaire carrying, as JSON in valueString, what FHIR R4 cannot express:
 * scored/reverse flags, the scoring rule, bands, caseness, reliable change, alert rules and labels.
 */
export const HEARTH_SCORING_EXTENSION = `${HEARTH_FHIR_BASE}/StructureDefinition/scoring`;
/** The R4 core extension for an answer's score (valueDecimal; R5 renamed it itemWeight). */
export const ORDINAL_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
/** R5's name for the same score (also read on import: SDC Questionnaires written for R5 tooling use it). */
export const ITEM_WEIGHT_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/itemWeight';
/** SDC: a FHIRPath expression whose value the form filler writes into the item (a total score). */
export const SDC_CALCULATED_EXPRESSION = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
/** SDC/core: a named FHIRPath variable other expressions on the item can use as `%name`. */
export const VARIABLE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/variable';
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

/**
 * Canonical URL of an instrument's Questionnaire (the version goes in Questionnaire.version): under
 * the service's FHIR base when given (HEARTH_FHIR_BASE), else under Hearth's own base.
 */
export function questionnaireUrl(instrumentId: string, base: string = HEARTH_FHIR_BASE): string {
  return `${base}/Questionnaire/${instrumentId}`;
}

/** Local codes in HEARTH_MEASURES_SYSTEM. */
export const localCode = {
  instrument: (id: string) => id,
  total: (id: string) => `${id}/total`,
  answer: (id: string, linkId: string, value: number) => `${id}/${linkId}/${value}`,
  band: (id: string, severity: number) => `${id}/band/${severity}`,
};

/**
 * The Coding for an answer: its LOINC answer code, else the code it was imported with, else a local
 * code. A scored item's answer carries its score as ordinalValue; an unscored item's carries none, so a
 * generic SDC form filler summing weights gets the same total as Hearth.
 */
export function answerCoding(definition: InstrumentDefinition, item: InstrumentItem, option: AnswerOption): Coding {
  const extension: Extension[] = item.scored ? [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: option.value }] : [];
  const coded =
    option.loinc !== undefined
      ? { system: LOINC_SYSTEM, code: option.loinc }
      : option.code !== undefined
        ? { system: option.code.system, code: option.code.code }
        : { system: HEARTH_MEASURES_SYSTEM, code: localCode.answer(definition.id, item.linkId, option.value) };
  return { ...(extension.length > 0 ? { extension } : {}), ...coded, display: option.label };
}

/** The Coding for an instrument's total score: LOINC when known. */
export function totalCoding(definition: InstrumentDefinition): Coding {
  return definition.loinc?.total !== undefined
    ? { system: LOINC_SYSTEM, code: definition.loinc.total }
    : {
        system: HEARTH_MEASURES_SYSTEM,
        code: localCode.total(definition.id),
        display: `${definition.shortTitle} total score`,
      };
}
