import { z } from 'zod';
import {
  alertRuleSchema,
  bandSchema,
  casenessSchema,
  scoringSchema,
  validateDefinition,
  type DefinitionErrorCode,
  type InstrumentDefinition,
  type InstrumentDefinitionInput,
} from '../../../../shared/instruments/definition.js';
import { computeScoreRange } from '../../../../shared/instruments/scale.js';
import {
  HEARTH_MEASURES_SYSTEM,
  HEARTH_SCORING_EXTENSION,
  LOINC_SYSTEM,
  ORDINAL_VALUE_EXTENSION,
  answerCoding,
  localCode,
  questionnaireUrl,
} from './fhir-codes.js';
import { QUESTIONNAIRE_STATUS, type Questionnaire, type QuestionnaireItem } from './fhir-types.js';

/**
 * The Hearth scoring extension's JSON (format `hearth-scoring/1`): everything about a definition that
 * an R4 Questionnaire has no element for. Items are listed by linkId with their scored/reverse flags.
 */
const scoringPayloadSchema = z.strictObject({
  format: z.literal('hearth-scoring/1'),
  id: z.string(),
  shortTitle: z.string(),
  kind: z.enum(['validated', 'programme']),
  licenceNote: z.string(),
  loincTotal: z.string().optional(),
  items: z.array(z.strictObject({ linkId: z.string(), scored: z.boolean(), reverse: z.boolean().optional() })),
  scoring: scoringSchema,
  bands: z.array(bandSchema),
  caseness: casenessSchema.optional(),
  reliableChange: z
    .union([z.strictObject({ threshold: z.number() }), z.strictObject({ sd: z.number(), reliability: z.number() })])
    .optional(),
  higherIsBetter: z.boolean(),
  alertRules: z.array(alertRuleSchema),
});
type ScoringPayload = z.output<typeof scoringPayloadSchema>;

/** Exports a definition as an R4 Questionnaire: LOINC codes where known, scores as ordinalValue, the rest in the Hearth scoring extension. */
export function toFhirQuestionnaire(definition: InstrumentDefinition): Questionnaire {
  const payload: ScoringPayload = {
    format: 'hearth-scoring/1',
    id: definition.id,
    shortTitle: definition.shortTitle,
    kind: definition.kind,
    licenceNote: definition.licenceNote,
    ...(definition.loinc?.total !== undefined ? { loincTotal: definition.loinc.total } : {}),
    items: definition.items.map((item) => ({
      linkId: item.linkId,
      scored: item.scored,
      ...(item.reverse === true ? { reverse: true } : {}),
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
    answerOption: item.options.map((option) => ({ valueCoding: answerCoding(definition, item.linkId, option) })),
  }));
  const stem: QuestionnaireItem[] =
    definition.stem === undefined
      ? []
      : [{ linkId: freeLinkId(definition, 'stem'), text: definition.stem, type: 'display' }];
  return {
    resourceType: 'Questionnaire',
    id: `${definition.id}-v${definition.version}`,
    extension: [{ url: HEARTH_SCORING_EXTENSION, valueString: JSON.stringify(payload) }],
    url: questionnaireUrl(definition.id),
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
    item: [...stem, ...questions],
  };
}

export interface FhirImportError {
  path: string;
  message: string;
  code: DefinitionErrorCode | 'fhir_invalid' | 'fhir_unsupported';
}

export type FhirImportResult =
  { ok: true; definition: InstrumentDefinition } | { ok: false; errors: FhirImportError[] };

/**
 * Imports an R4 Questionnaire as a validated definition. Hearth's own exports round-trip exactly;
 * for others, `overrides` supplies what the Questionnaire cannot (licence note, bands, caseness…).
 * Choice items need a score per answer (ordinalValue, or valueInteger); other item types are refused.
 */
export function fromFhirQuestionnaire(
  json: unknown,
  overrides: Partial<InstrumentDefinitionInput> = {},
): FhirImportResult {
  const parsed = fhirQuestionnaireSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
        code: 'fhir_invalid',
      })),
    };
  }
  const q = parsed.data;
  const errors: FhirImportError[] = [];
  const { payload, payloadPath } = readPayload(q, errors);
  const { stem, questions } = flattenItems(q.item, errors);
  const items = questions.map(({ item, path }) => toDefinitionItem(item, payload, path, errors));
  payload?.items.forEach((entry, k) => {
    if (!questions.some(({ item }) => item.linkId === entry.linkId)) {
      errors.push({
        path: `${payloadPath}.items.${k}.linkId`,
        code: 'unknown_item',
        message: `The scoring extension refers to item "${entry.linkId}", which the Questionnaire does not have.`,
      });
    }
  });
  const version = readVersion(q.version, errors);
  if (errors.length > 0) return { ok: false, errors };

  const title = q.title ?? q.name ?? '';
  const candidate = compact({
    id: payload?.id ?? idFromUrl(q.url) ?? slugify(q.name ?? title),
    version,
    title,
    shortTitle: payload?.shortTitle ?? (title.length <= 40 ? title : (q.name ?? title).slice(0, 40)),
    kind: payload?.kind ?? 'validated',
    stem,
    copyright: q.copyright,
    licenceNote: payload?.licenceNote,
    loinc: loincCodes(q, payload),
    items,
    scoring: payload?.scoring ?? defaultScoring(items),
    bands: payload?.bands ?? [],
    caseness: payload?.caseness,
    reliableChange: payload?.reliableChange,
    higherIsBetter: payload?.higherIsBetter ?? false,
    alertRules: payload?.alertRules ?? [],
    ...overrides,
  });
  const validated = validateDefinition(candidate);
  return validated.ok ? validated : { ok: false, errors: validated.errors };
}

const extensionSchema = z.looseObject({
  url: z.string(),
  valueDecimal: z.number().optional(),
  valueString: z.string().optional(),
});
const codingSchema = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
  extension: z.array(extensionSchema).optional(),
});
const answerOptionSchema = z.looseObject({
  valueCoding: codingSchema.optional(),
  valueInteger: z.number().optional(),
  valueString: z.string().optional(),
  extension: z.array(extensionSchema).optional(),
});
interface FhirItemIn {
  linkId: string;
  type: string;
  text?: string | undefined;
  required?: boolean | undefined;
  code?: z.output<typeof codingSchema>[] | undefined;
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
    code: z.array(codingSchema).optional(),
    answerOption: z.array(answerOptionSchema).optional(),
    answerValueSet: z.string().optional(),
    item: z.array(fhirItemSchema).optional(),
  }),
);
const fhirQuestionnaireSchema = z.looseObject({
  resourceType: z.literal('Questionnaire', 'Not a FHIR Questionnaire (resourceType must be "Questionnaire").'),
  url: z.string().optional(),
  version: z.string().optional(),
  name: z.string().optional(),
  title: z.string().optional(),
  status: z.enum(QUESTIONNAIRE_STATUS),
  copyright: z.string().optional(),
  code: z.array(codingSchema).optional(),
  extension: z.array(extensionSchema).optional(),
  item: z.array(fhirItemSchema).min(1, 'A Questionnaire needs items.'),
});
type FhirQuestionnaireIn = z.output<typeof fhirQuestionnaireSchema>;

function readPayload(
  q: FhirQuestionnaireIn,
  errors: FhirImportError[],
): { payload: ScoringPayload | null; payloadPath: string } {
  const index = q.extension?.findIndex((ext) => ext.url === HEARTH_SCORING_EXTENSION) ?? -1;
  const ext = q.extension?.[index];
  const path = `extension.${index}.valueString`;
  const none = { payload: null, payloadPath: path };
  if (ext === undefined) return none;
  let raw: unknown;
  try {
    raw = JSON.parse(ext.valueString ?? '');
  } catch {
    errors.push({ path, code: 'fhir_invalid', message: 'The Hearth scoring extension is not valid JSON.' });
    return none;
  }
  const payload = scoringPayloadSchema.safeParse(raw);
  if (!payload.success) {
    for (const issue of payload.error.issues) {
      errors.push({ path: [path, ...issue.path.map(String)].join('.'), code: 'fhir_invalid', message: issue.message });
    }
    return none;
  }
  return { payload: payload.data, payloadPath: path };
}

/** Questions in document order (groups flattened); a display item before the first question is the stem. */
function flattenItems(
  items: FhirItemIn[],
  errors: FhirImportError[],
): { stem: string | undefined; questions: { item: FhirItemIn; path: string }[] } {
  let stem: string | undefined;
  const questions: { item: FhirItemIn; path: string }[] = [];
  const walk = (list: FhirItemIn[], path: string) => {
    list.forEach((item, i) => {
      const at = `${path}.${i}`;
      if (item.type === 'group') walk(item.item ?? [], `${at}.item`);
      else if (item.type === 'display') {
        if (questions.length === 0 && stem === undefined) stem = item.text;
      } else if (item.type === 'choice') questions.push({ item, path: at });
      else {
        errors.push({
          path: `${at}.type`,
          code: 'fhir_unsupported',
          message: `Hearth scores choice questions only; item "${item.linkId}" is "${item.type}".`,
        });
      }
    });
  };
  walk(items, 'item');
  return { stem, questions };
}

function toDefinitionItem(item: FhirItemIn, payload: ScoringPayload | null, path: string, errors: FhirImportError[]) {
  if (item.answerValueSet !== undefined && item.answerOption === undefined) {
    errors.push({
      path: `${path}.answerValueSet`,
      code: 'fhir_unsupported',
      message: `List the answers of "${item.linkId}" in answerOption, with an ordinalValue score each.`,
    });
  }
  const options = (item.answerOption ?? []).map((option, j) => {
    const ordinal = [...(option.extension ?? []), ...(option.valueCoding?.extension ?? [])].find(
      (ext) => ext.url === ORDINAL_VALUE_EXTENSION,
    );
    const value = ordinal?.valueDecimal ?? option.valueInteger;
    if (value === undefined) {
      errors.push({
        path: `${path}.answerOption.${j}`,
        code: 'fhir_unsupported',
        message: `Answer ${j + 1} of "${item.linkId}" has no score (ordinalValue extension or valueInteger).`,
      });
    }
    const coding = option.valueCoding;
    return compact({
      value: value ?? 0,
      label: coding?.display ?? option.valueString ?? String(value ?? ''),
      loinc: coding?.system === LOINC_SYSTEM ? coding.code : undefined,
    });
  });
  const flags = payload?.items.find((entry) => entry.linkId === item.linkId);
  return compact({
    linkId: item.linkId,
    text: item.text ?? '',
    options,
    reverse: flags?.reverse,
    scored: flags?.scored ?? true,
    required: item.required ?? false,
    loinc: item.code?.find((coding) => coding.system === LOINC_SYSTEM)?.code,
  });
}

/** Without the extension: a plain sum, every scored item required to be answered. */
function defaultScoring(items: { options: { value: number }[]; scored: boolean }[]) {
  const range = computeScoreRange({ items, scoring: { method: 'sum' } });
  return {
    method: 'sum' as const,
    missing: { maxMissing: 0, rule: 'fail' as const },
    range: range ?? { min: 0, max: 0 },
  };
}

function readVersion(version: string | undefined, errors: FhirImportError[]): number {
  if (version === undefined) return 1;
  if (/^[1-9]\d{0,8}$/.test(version)) return Number(version);
  errors.push({
    path: 'version',
    code: 'fhir_unsupported',
    message: `Hearth versions are whole numbers (1, 2, 3…); "${version}" is not one.`,
  });
  return 1;
}

function loincCodes(q: FhirQuestionnaireIn, payload: ScoringPayload | null) {
  const panel = q.code?.find((coding) => coding.system === LOINC_SYSTEM)?.code;
  const total = payload?.loincTotal;
  return panel === undefined && total === undefined ? undefined : compact({ panel, total });
}

function idFromUrl(url: string | undefined): string | undefined {
  const prefix = questionnaireUrl('');
  return url?.startsWith(prefix) ? url.slice(prefix.length) : undefined;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** A FHIR `name` (que-0: starts with a capital, then letters, digits, underscores): phq-9 → Phq9. */
function computerName(id: string): string {
  const name = id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return /^[A-Z]/.test(name) ? name : `Q${name}`;
}

function freeLinkId(definition: InstrumentDefinition, wanted: string): string {
  const taken = new Set(definition.items.map((item) => item.linkId));
  let candidate = wanted;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${wanted}-${n}`;
  return candidate;
}

/** Drops keys whose value is undefined, so optional fields stay absent. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
