import { z } from 'zod';
import type { AnswerOption, InstrumentItem } from '../../../../shared/instruments/definition.js';
import { HEARTH_MEASURES_SYSTEM, LOINC_SYSTEM } from './fhir-codes.js';
import type { FhirImportError, FhirImportNote } from './fhir-import-guard.js';
import { KNOWN_TOTAL_CODES } from './fhir-known.js';
import type { ScoringPayload } from './fhir-payload.js';
import { isCalculatedItem } from './fhir-sdc.js';
import { QUESTIONNAIRE_STATUS } from './fhir-types.js';
import { answersFromValueSet, scoreExtension } from './fhir-valueset.js';

/**
 * Reading an imported Questionnaire's items: the loose shape Hearth reads (anything else it carries
 * is ignored), the walk through groups, and each choice question as a definition item.
 */

const extensionSchema = z.looseObject({
  url: z.string(),
  valueString: z.string().optional(),
});
const codingSchema = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
  extension: z.array(z.unknown()).optional(),
});
const answerOptionSchema = z.looseObject({
  valueCoding: codingSchema.optional(),
  valueInteger: z.number().optional(),
  valueString: z.string().optional(),
  extension: z.array(z.unknown()).optional(),
});
export interface FhirItemIn {
  linkId: string;
  type: string;
  text?: string | undefined;
  required?: boolean | undefined;
  readOnly?: boolean | undefined;
  code?: z.output<typeof codingSchema>[] | undefined;
  extension?: z.output<typeof extensionSchema>[] | undefined;
  answerOption?: z.output<typeof answerOptionSchema>[] | undefined;
  answerValueSet?: string | undefined;
  item?: FhirItemIn[] | undefined;
}
const fhirItemSchema: z.ZodType<FhirItemIn> = z.lazy(() =>
  z.looseObject({
    linkId: z.string().min(1),
    type: z.string(),
    text: z.string().optional(),
    required: z.boolean().optional(),
    readOnly: z.boolean().optional(),
    code: z.array(codingSchema).optional(),
    extension: z.array(extensionSchema).optional(),
    answerOption: z.array(answerOptionSchema).optional(),
    answerValueSet: z.string().optional(),
    item: z.array(fhirItemSchema).optional(),
  }),
);
export const fhirQuestionnaireSchema = z.looseObject({
  resourceType: z.literal('Questionnaire'),
  url: z.string().optional(),
  version: z.string().optional(),
  name: z.string().optional(),
  title: z.string().optional(),
  status: z.enum(QUESTIONNAIRE_STATUS),
  copyright: z.string().optional(),
  code: z.array(codingSchema).optional(),
  extension: z.array(extensionSchema).optional(),
  contained: z.array(z.unknown()).optional(),
  item: z.array(fhirItemSchema).min(1, 'A Questionnaire needs items.'),
});
export type FhirQuestionnaireIn = z.output<typeof fhirQuestionnaireSchema>;

export interface WalkedItems {
  stem: string | undefined;
  questions: { item: FhirItemIn; path: string }[];
  calculated: FhirItemIn[];
  errors: FhirImportError[];
}

/**
 * Questions in document order, groups at any depth flattened. The stem is a display item before the
 * first question, else the text of the group holding the first question. Calculated items are set aside.
 */
export function walkItems(items: FhirItemIn[]): WalkedItems {
  const out: WalkedItems = {
    stem: undefined,
    questions: [],
    calculated: [],
    errors: [],
  };
  let groupText: string | undefined;
  const walk = (list: FhirItemIn[], path: string, enclosing: string | undefined) => {
    list.forEach((item, i) => {
      const at = `${path}.${i}`;
      if (isCalculatedItem(item, KNOWN_TOTAL_CODES)) out.calculated.push(item);
      else if (item.type === 'group') walk(item.item ?? [], `${at}.item`, item.text ?? enclosing);
      else if (item.type === 'display') {
        if (out.questions.length === 0 && out.stem === undefined) out.stem = item.text;
      } else if (item.type === 'choice') {
        if (out.questions.length === 0) groupText = enclosing;
        out.questions.push({ item, path: at });
      } else {
        out.errors.push({
          path: `${at}.type`,
          code: 'fhir_unsupported',
          message: `Hearth scores choice questions only; item "${item.linkId}" is "${item.type}".`,
        });
      }
    });
  };
  walk(items, 'item', undefined);
  out.stem ??= groupText;
  return out;
}

interface ImportedAnswer {
  score?: number | undefined;
  label: string;
  system?: string | undefined;
  code?: string | undefined;
}

export function toDefinitionItem(
  item: FhirItemIn,
  payload: ScoringPayload | null,
  contained: unknown[],
  path: string,
  errors: FhirImportError[],
  notes: FhirImportNote[],
): InstrumentItem {
  const answers: ImportedAnswer[] =
    item.answerOption !== undefined
      ? item.answerOption.map((option) => ({
          score: scoreExtension(option.extension) ?? scoreExtension(option.valueCoding?.extension) ?? option.valueInteger,
          label: option.valueCoding?.display ?? option.valueString ?? option.valueCoding?.code ?? String(option.valueInteger ?? ''),
          system: option.valueCoding?.system,
          code: option.valueCoding?.code,
        }))
      : item.answerValueSet !== undefined
        ? answersFromValueSet(item.answerValueSet, contained, `${path}.answerValueSet`, errors).map((a) => ({
            ...a,
            label: a.display ?? a.code,
          }))
        : [];
  const flags = payload?.items.find((entry) => entry.linkId === item.linkId);
  const unscored = answers.length > 0 && answers.every((a) => a.score === undefined);
  if (!unscored) {
    answers.forEach((a, j) => {
      if (a.score === undefined) {
        errors.push({
          path: `${path}.answerOption.${j}`,
          code: 'fhir_unsupported',
          message: `Answer ${j + 1} of "${item.linkId}" has no score (ordinalValue or itemWeight), though others have.`,
        });
      }
    });
  } else if (payload === null) {
    notes.push({
      code: 'unscored_item',
      message: `"${item.linkId}" gives its answers no scores: it is asked and stored but does not count towards the total.`,
    });
  }
  const options = answers.map(
    (a, j) =>
      compact({
        value: a.score ?? flags?.values?.[j] ?? j,
        label: a.label,
        ...answerCode(a),
      }) as AnswerOption,
  );
  return compact({
    linkId: item.linkId,
    text: item.text ?? '',
    options,
    reverse: flags?.reverse,
    scored: flags?.scored ?? !unscored,
    required: item.required ?? false,
    loinc: item.code?.find((coding) => coding.system === LOINC_SYSTEM)?.code,
  });
}

/** A LOINC answer code (LA…, with or without its system: LHC-Forms leaves it out), else the coding with its system. */
function answerCode(answer: ImportedAnswer): Pick<AnswerOption, 'loinc' | 'code'> {
  if (answer.code === undefined || answer.code === '') return {};
  const loincAnswer = /^LA\d{1,7}-\d$/.test(answer.code);
  if (loincAnswer && (answer.system === undefined || answer.system === LOINC_SYSTEM)) return { loinc: answer.code };
  // Hearth's own local answer codes are derived from the value on export, so are not kept.
  const keep = answer.system !== undefined && answer.system !== HEARTH_MEASURES_SYSTEM;
  return keep ? { code: { system: answer.system!, code: answer.code } } : {};
}

/** Drops keys whose value is undefined, so optional fields stay absent. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
