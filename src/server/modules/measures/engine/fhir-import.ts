import { validateDefinition, type InstrumentDefinition, type InstrumentDefinitionInput } from '../../../../shared/instruments/definition.js';
import { computeScoreRange } from '../../../../shared/instruments/scale.js';
import { HEARTH_SCORING_EXTENSION, LOINC_SYSTEM, questionnaireUrl } from './fhir-codes.js';
import { structureProblems, type FhirImportError, type FhirImportNote } from './fhir-import-guard.js';
import { compact, fhirQuestionnaireSchema, toDefinitionItem, walkItems, type FhirQuestionnaireIn } from './fhir-import-items.js';
import { inheritKnownRules, recogniseInstrument, type InheritedRules } from './fhir-known.js';
import { scoringPayloadSchema, type ScoringPayload } from './fhir-payload.js';

export type { FhirImportNote };

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
export function fromFhirQuestionnaire(json: unknown, overrides: Partial<InstrumentDefinitionInput> = {}): FhirImportResult {
  const structural = structureProblems(json);
  if (structural.length > 0) return { ok: false, errors: structural };
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
  const notes: FhirImportNote[] = [];
  const { payload, payloadPath } = readPayload(q, errors);
  const walked = walkItems(q.item);
  errors.push(...walked.errors);
  const items = walked.questions.map(({ item, path }) => toDefinitionItem(item, payload, q.contained ?? [], path, errors, notes));
  payload?.items.forEach((entry, k) => {
    if (!walked.questions.some(({ item }) => item.linkId === entry.linkId)) {
      errors.push({
        path: `${payloadPath}.items.${k}.linkId`,
        code: 'unknown_item',
        message: `The scoring extension refers to item "${entry.linkId}", which the Questionnaire does not have.`,
      });
    }
  });
  const { version, publishedVersion } = readVersion(q.version, payload, errors);
  if (errors.length > 0) return { ok: false, errors };

  const loincOf = (codings: { system?: string | undefined; code?: string | undefined }[] | undefined) =>
    (codings ?? []).filter((c) => c.system === LOINC_SYSTEM && c.code !== undefined).map((c) => c.code!);
  const totalCodes = walked.calculated.flatMap((item) => loincOf(item.code));
  const recognised = recogniseInstrument(loincOf(q.code), totalCodes);
  // Hearth's own export carries its rules in the extension: those win over the built-in's.
  const known = payload === null ? recognised : undefined;
  let inherited: InheritedRules | null = null;
  if (known !== undefined) {
    inherited = inheritKnownRules(known, items, errors);
    if (inherited === null || errors.length > 0) return { ok: false, errors };
    notes.push({
      code: 'known_instrument',
      message: `Recognised as the ${known.shortTitle}: Hearth's scoring, bands, caseness, reliable change and alert rules apply.`,
    });
  }
  for (const item of walked.calculated) {
    notes.push({
      code: 'calculated_item_recomputed',
      message: `"${item.linkId}" is calculated by the form; Hearth computes the total itself and does not ask it.`,
    });
  }
  const copyright = q.copyright ?? known?.copyright;
  if (copyright === undefined && overrides.copyright === undefined) {
    return {
      ok: false,
      errors: [
        {
          path: 'copyright',
          code: 'fhir_unsupported',
          message: 'The Questionnaire has no copyright element: Hearth records under what permission each instrument is used.',
        },
      ],
    };
  }
  const title = q.title ?? q.name ?? '';
  const candidate = compact({
    id: payload?.id ?? idFromUrl(q.url) ?? slugify(q.name ?? title),
    version,
    publishedVersion,
    title,
    shortTitle: payload?.shortTitle ?? (title.length <= 40 ? title : (q.name ?? title).slice(0, 40)),
    kind: payload?.kind ?? 'validated',
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
  if (recognised === undefined && validated.definition.alertRules.length === 0) {
    notes.push({
      code: 'no_alert_rules',
      message:
        'Hearth does not know this instrument and it has no alert rules: no answer to it will raise a safety alert. If it asks about risk, add alert rules in a new version.',
    });
  }
  return {
    ok: true,
    definition: validated.definition,
    notes,
    ...(recognised !== undefined ? { recognisedAs: recognised.id } : {}),
  };
}

function readPayload(q: FhirQuestionnaireIn, errors: FhirImportError[]): { payload: ScoringPayload | null; payloadPath: string } {
  const index = q.extension?.findIndex((ext) => ext.url === HEARTH_SCORING_EXTENSION) ?? -1;
  const ext = q.extension?.[index];
  const path = `extension.${index}.valueString`;
  const none = { payload: null, payloadPath: path };
  if (ext === undefined) return none;
  let raw: unknown;
  try {
    raw = JSON.parse(ext.valueString ?? '');
  } catch {
    errors.push({
      path,
      code: 'fhir_invalid',
      message: 'The Hearth scoring extension is not valid JSON.',
    });
    return none;
  }
  const payload = scoringPayloadSchema.safeParse(raw);
  if (!payload.success) {
    for (const issue of payload.error.issues) {
      errors.push({
        path: [path, ...issue.path.map(String)].join('.'),
        code: 'fhir_invalid',
        message: issue.message,
      });
    }
    return none;
  }
  return { payload: payload.data, payloadPath: path };
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

/** Hearth numbers versions 1, 2, 3…; any other published version ("0.0.1", "2019 edition") is kept as publishedVersion. */
function readVersion(version: string | undefined, payload: ScoringPayload | null, errors: FhirImportError[]): { version: number; publishedVersion?: string } {
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
  if (version.trim() === '' || version.length > 64) {
    errors.push({
      path: 'version',
      code: 'fhir_invalid',
      message: 'The version must be 1–64 characters.',
    });
  }
  return { version: 1, publishedVersion: version.trim() };
}

function loincCodes(panel: string | undefined, total: string | undefined) {
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
    .slice(0, 64)
    .replace(/-+$/, '');
}
