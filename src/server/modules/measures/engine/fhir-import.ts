import { z } from "zod";
import {
  validateDefinition,
  type AnswerOption,
  type InstrumentDefinition,
  type InstrumentDefinitionInput,
  type InstrumentItem,
} from "../../../../shared/instruments/definition.js";
import { computeScoreRange } from "../../../../shared/instruments/scale.js";
import {
  HEARTH_MEASURES_SYSTEM,
  HEARTH_SCORING_EXTENSION,
  LOINC_SYSTEM,
  questionnaireUrl,
} from "./fhir-codes.js";
import {
  structureProblems,
  type FhirImportError,
} from "./fhir-import-guard.js";
import {
  KNOWN_TOTAL_CODES,
  inheritKnownRules,
  recogniseInstrument,
  type InheritedRules,
} from "./fhir-known.js";
import { scoringPayloadSchema, type ScoringPayload } from "./fhir-payload.js";
import { isCalculatedItem } from "./fhir-sdc.js";
import { QUESTIONNAIRE_STATUS } from "./fhir-types.js";
import { answersFromValueSet, scoreExtension } from "./fhir-valueset.js";

/** Something the importer should know about an import that succeeded. */
export interface FhirImportNote {
  code:
    | "known_instrument"
    | "no_alert_rules"
    | "calculated_item_recomputed"
    | "unscored_item";
  message: string;
}

export type FhirImportResult =
  | {
      ok: true;
      definition: InstrumentDefinition;
      notes: FhirImportNote[];
      recognisedAs?: string;
    }
  | { ok: false; errors: FhirImportError[] };

/**
 * Imports an R4 Questionnaire as a validated definition. Hearth's own exports round-trip exactly.
 * Published Questionnaires import as published: answers from answerOption or a contained
 * answerValueSet, scored by ordinalValue/itemWeight (an item with no scores at all is unscored),
 * codings kept with their systems, calculated totals recognised and left to Hearth, nested groups
 * read in order, any version string, `copyright` as the licence note. A known instrument (by LOINC
 * panel or total code) takes Hearth's scoring, bands, caseness, reliable change and alert rules;
 * for others `overrides` supplies what the Questionnaire cannot.
 */
export function fromFhirQuestionnaire(
  json: unknown,
  overrides: Partial<InstrumentDefinitionInput> = {},
): FhirImportResult {
  const structural = structureProblems(json);
  if (structural.length > 0) return { ok: false, errors: structural };
  const parsed = fhirQuestionnaireSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join("."),
        message: issue.message,
        code: "fhir_invalid",
      })),
    };
  }
  const q = parsed.data;
  const errors: FhirImportError[] = [];
  const notes: FhirImportNote[] = [];
  const { payload, payloadPath } = readPayload(q, errors);
  const walked = walkItems(q.item);
  errors.push(...walked.errors);
  const items = walked.questions.map(({ item, path }) =>
    toDefinitionItem(item, payload, q.contained ?? [], path, errors, notes),
  );
  payload?.items.forEach((entry, k) => {
    if (!walked.questions.some(({ item }) => item.linkId === entry.linkId)) {
      errors.push({
        path: `${payloadPath}.items.${k}.linkId`,
        code: "unknown_item",
        message: `The scoring extension refers to item "${entry.linkId}", which the Questionnaire does not have.`,
      });
    }
  });
  const { version, publishedVersion } = readVersion(q.version, payload, errors);
  if (errors.length > 0) return { ok: false, errors };

  const loincOf = (
    codings:
      { system?: string | undefined; code?: string | undefined }[] | undefined,
  ) =>
    (codings ?? [])
      .filter((c) => c.system === LOINC_SYSTEM && c.code !== undefined)
      .map((c) => c.code!);
  const totalCodes = walked.calculated.flatMap((item) => loincOf(item.code));
  const recognised = recogniseInstrument(loincOf(q.code), totalCodes);
  // Hearth's own export carries its rules in the extension: those win over the built-in's.
  const known = payload === null ? recognised : undefined;
  let inherited: InheritedRules | null = null;
  if (known !== undefined) {
    inherited = inheritKnownRules(known, items, errors);
    if (inherited === null || errors.length > 0) return { ok: false, errors };
    notes.push({
      code: "known_instrument",
      message: `Recognised as the ${known.shortTitle}: Hearth's scoring, bands, caseness, reliable change and alert rules apply.`,
    });
  }
  for (const item of walked.calculated) {
    notes.push({
      code: "calculated_item_recomputed",
      message: `"${item.linkId}" is calculated by the form; Hearth computes the total itself and does not ask it.`,
    });
  }
  const copyright = q.copyright ?? known?.copyright;
  if (copyright === undefined && overrides.copyright === undefined) {
    return {
      ok: false,
      errors: [
        {
          path: "copyright",
          code: "fhir_unsupported",
          message:
            "The Questionnaire has no copyright element: Hearth records under what permission each instrument is used.",
        },
      ],
    };
  }
  const title = q.title ?? q.name ?? "";
  const candidate = compact({
    id: payload?.id ?? idFromUrl(q.url) ?? slugify(q.name ?? title),
    version,
    publishedVersion,
    title,
    shortTitle:
      payload?.shortTitle ??
      (title.length <= 40 ? title : (q.name ?? title).slice(0, 40)),
    kind: payload?.kind ?? "validated",
    stem: walked.stem ?? known?.stem,
    copyright,
    licenceNote: payload?.licenceNote ?? q.copyright ?? known?.licenceNote,
    loinc: loincCodes(loincOf(q.code)[0], payload?.loincTotal ?? totalCodes[0]),
    items,
    scoring: payload?.scoring ?? defaultScoring(items),
    bands: payload?.bands ?? [],
    caseness: payload?.caseness,
    reliableChange: payload?.reliableChange,
    higherIsBetter: payload?.higherIsBetter ?? false,
    alertRules: payload?.alertRules ?? [],
    ...(inherited ? { ...inherited.fields, items: inherited.items } : {}),
    ...overrides,
  });
  const validated = validateDefinition(candidate);
  if (!validated.ok) return validated;
  if (
    recognised === undefined &&
    validated.definition.alertRules.length === 0
  ) {
    notes.push({
      code: "no_alert_rules",
      message:
        "Hearth does not know this instrument and it has no alert rules: no answer to it will raise a safety alert. If it asks about risk, add alert rules in a new version.",
    });
  }
  return {
    ok: true,
    definition: validated.definition,
    notes,
    ...(recognised !== undefined ? { recognisedAs: recognised.id } : {}),
  };
}

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
interface FhirItemIn {
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
const fhirQuestionnaireSchema = z.looseObject({
  resourceType: z.literal("Questionnaire"),
  url: z.string().optional(),
  version: z.string().optional(),
  name: z.string().optional(),
  title: z.string().optional(),
  status: z.enum(QUESTIONNAIRE_STATUS),
  copyright: z.string().optional(),
  code: z.array(codingSchema).optional(),
  extension: z.array(extensionSchema).optional(),
  contained: z.array(z.unknown()).optional(),
  item: z.array(fhirItemSchema).min(1, "A Questionnaire needs items."),
});
type FhirQuestionnaireIn = z.output<typeof fhirQuestionnaireSchema>;

function readPayload(
  q: FhirQuestionnaireIn,
  errors: FhirImportError[],
): { payload: ScoringPayload | null; payloadPath: string } {
  const index =
    q.extension?.findIndex((ext) => ext.url === HEARTH_SCORING_EXTENSION) ?? -1;
  const ext = q.extension?.[index];
  const path = `extension.${index}.valueString`;
  const none = { payload: null, payloadPath: path };
  if (ext === undefined) return none;
  let raw: unknown;
  try {
    raw = JSON.parse(ext.valueString ?? "");
  } catch {
    errors.push({
      path,
      code: "fhir_invalid",
      message: "The Hearth scoring extension is not valid JSON.",
    });
    return none;
  }
  const payload = scoringPayloadSchema.safeParse(raw);
  if (!payload.success) {
    for (const issue of payload.error.issues) {
      errors.push({
        path: [path, ...issue.path.map(String)].join("."),
        code: "fhir_invalid",
        message: issue.message,
      });
    }
    return none;
  }
  return { payload: payload.data, payloadPath: path };
}

interface WalkedItems {
  stem: string | undefined;
  questions: { item: FhirItemIn; path: string }[];
  calculated: FhirItemIn[];
  errors: FhirImportError[];
}

/**
 * Questions in document order, groups at any depth flattened. The stem is a display item before the
 * first question, else the text of the group holding the first question. Calculated items are set aside.
 */
function walkItems(items: FhirItemIn[]): WalkedItems {
  const out: WalkedItems = {
    stem: undefined,
    questions: [],
    calculated: [],
    errors: [],
  };
  let groupText: string | undefined;
  const walk = (
    list: FhirItemIn[],
    path: string,
    enclosing: string | undefined,
  ) => {
    list.forEach((item, i) => {
      const at = `${path}.${i}`;
      if (isCalculatedItem(item, KNOWN_TOTAL_CODES)) out.calculated.push(item);
      else if (item.type === "group")
        walk(item.item ?? [], `${at}.item`, item.text ?? enclosing);
      else if (item.type === "display") {
        if (out.questions.length === 0 && out.stem === undefined)
          out.stem = item.text;
      } else if (item.type === "choice") {
        if (out.questions.length === 0) groupText = enclosing;
        out.questions.push({ item, path: at });
      } else {
        out.errors.push({
          path: `${at}.type`,
          code: "fhir_unsupported",
          message: `Hearth scores choice questions only; item "${item.linkId}" is "${item.type}".`,
        });
      }
    });
  };
  walk(items, "item", undefined);
  out.stem ??= groupText;
  return out;
}

interface ImportedAnswer {
  score?: number | undefined;
  label: string;
  system?: string | undefined;
  code?: string | undefined;
}

function toDefinitionItem(
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
          score:
            scoreExtension(option.extension) ??
            scoreExtension(option.valueCoding?.extension) ??
            option.valueInteger,
          label:
            option.valueCoding?.display ??
            option.valueString ??
            option.valueCoding?.code ??
            String(option.valueInteger ?? ""),
          system: option.valueCoding?.system,
          code: option.valueCoding?.code,
        }))
      : item.answerValueSet !== undefined
        ? answersFromValueSet(
            item.answerValueSet,
            contained,
            `${path}.answerValueSet`,
            errors,
          ).map((a) => ({ ...a, label: a.display ?? a.code }))
        : [];
  const flags = payload?.items.find((entry) => entry.linkId === item.linkId);
  const unscored =
    answers.length > 0 && answers.every((a) => a.score === undefined);
  if (!unscored) {
    answers.forEach((a, j) => {
      if (a.score === undefined) {
        errors.push({
          path: `${path}.answerOption.${j}`,
          code: "fhir_unsupported",
          message: `Answer ${j + 1} of "${item.linkId}" has no score (ordinalValue or itemWeight), though others have.`,
        });
      }
    });
  } else if (payload === null) {
    notes.push({
      code: "unscored_item",
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
    text: item.text ?? "",
    options,
    reverse: flags?.reverse,
    scored: flags?.scored ?? !unscored,
    required: item.required ?? false,
    loinc: item.code?.find((coding) => coding.system === LOINC_SYSTEM)?.code,
  });
}

/** A LOINC answer code (LA…, with or without its system: LHC-Forms leaves it out), else the coding with its system. */
function answerCode(
  answer: ImportedAnswer,
): Pick<AnswerOption, "loinc" | "code"> {
  if (answer.code === undefined || answer.code === "") return {};
  const loincAnswer = /^LA\d{1,7}-\d$/.test(answer.code);
  if (
    loincAnswer &&
    (answer.system === undefined || answer.system === LOINC_SYSTEM)
  )
    return { loinc: answer.code };
  // Hearth's own local answer codes are derived from the value on export, so are not kept.
  const keep =
    answer.system !== undefined && answer.system !== HEARTH_MEASURES_SYSTEM;
  return keep ? { code: { system: answer.system!, code: answer.code } } : {};
}

/** Without the extension: a plain sum, every scored item required to be answered. */
function defaultScoring(
  items: { options: { value: number }[]; scored: boolean }[],
) {
  const range = computeScoreRange({ items, scoring: { method: "sum" } });
  return {
    method: "sum" as const,
    missing: { maxMissing: 0, rule: "fail" as const },
    range: range ?? { min: 0, max: 0 },
  };
}

/** Hearth numbers versions 1, 2, 3…; any other published version ("0.0.1", "2019 edition") is kept as publishedVersion. */
function readVersion(
  version: string | undefined,
  payload: ScoringPayload | null,
  errors: FhirImportError[],
): { version: number; publishedVersion?: string } {
  const published = payload?.publishedVersion;
  if (version === undefined)
    return {
      version: 1,
      ...(published !== undefined ? { publishedVersion: published } : {}),
    };
  if (/^[1-9]\d{0,8}$/.test(version))
    return {
      version: Number(version),
      ...(published !== undefined ? { publishedVersion: published } : {}),
    };
  if (version.trim() === "" || version.length > 64) {
    errors.push({
      path: "version",
      code: "fhir_invalid",
      message: "The version must be 1–64 characters.",
    });
  }
  return { version: 1, publishedVersion: version.trim() };
}

function loincCodes(panel: string | undefined, total: string | undefined) {
  return panel === undefined && total === undefined
    ? undefined
    : compact({ panel, total });
}

function idFromUrl(url: string | undefined): string | undefined {
  const prefix = questionnaireUrl("");
  return url?.startsWith(prefix) ? url.slice(prefix.length) : undefined;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

/** Drops keys whose value is undefined, so optional fields stay absent. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}
