import { ITEM_WEIGHT_EXTENSION, ORDINAL_VALUE_EXTENSION } from './fhir-codes.js';
import type { FhirImportError } from './fhir-import-guard.js';

/** An answer taken from a value set: its coding and, when the value set gives one, its score. */
export interface ValueSetAnswer {
  system?: string;
  code: string;
  display?: string;
  score?: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** An answer's score: the ordinalValue (R4) or itemWeight (R5) extension, decimal or integer. */
export function scoreExtension(extensions: unknown): number | undefined {
  for (const ext of list(extensions)) {
    if (!isObject(ext) || (ext.url !== ORDINAL_VALUE_EXTENSION && ext.url !== ITEM_WEIGHT_EXTENSION)) continue;
    const value = ext.valueDecimal ?? ext.valueInteger;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

/**
 * The answers of an item's `answerValueSet`. Only value sets contained in the Questionnaire (`#id`)
 * are read — Hearth does not fetch terminology — from their expansion, or else their `compose`
 * (listed concepts, and other contained value sets it includes, refusing a cycle).
 */
export function answersFromValueSet(reference: string, contained: unknown[], path: string, errors: FhirImportError[]): ValueSetAnswer[] {
  const resolve = (ref: string, visiting: Set<string>): ValueSetAnswer[] => {
    if (!ref.startsWith('#')) {
      errors.push({
        path,
        code: 'fhir_unsupported',
        message: `Hearth does not fetch value sets: include "${ref}" in the Questionnaire as a contained ValueSet, or list the answers in answerOption.`,
      });
      return [];
    }
    const id = ref.slice(1);
    if (visiting.has(id)) {
      errors.push({
        path,
        code: 'fhir_invalid',
        message: `The contained value set "${id}" includes itself (a cycle).`,
      });
      return [];
    }
    const valueSet = contained.find((r) => isObject(r) && r.resourceType === 'ValueSet' && r.id === id);
    if (!isObject(valueSet)) {
      errors.push({
        path,
        code: 'fhir_invalid',
        message: `The Questionnaire has no contained ValueSet "${id}".`,
      });
      return [];
    }
    const expansion = isObject(valueSet.expansion) ? list(valueSet.expansion.contains) : [];
    if (expansion.length > 0) return fromExpansion(expansion);
    const compose = isObject(valueSet.compose) ? valueSet.compose : {};
    if (list(compose.exclude).length > 0) {
      errors.push({
        path,
        code: 'fhir_unsupported',
        message: `The value set "${id}" excludes codes; Hearth reads value sets that list their answers.`,
      });
      return [];
    }
    const next = new Set(visiting).add(id);
    return list(compose.include).flatMap((include) => {
      if (!isObject(include)) return [];
      const nested = list(include.valueSet).flatMap((inner) => (typeof inner === 'string' ? resolve(inner, next) : []));
      const concepts = list(include.concept);
      if (concepts.length === 0 && nested.length === 0) {
        errors.push({
          path,
          code: 'fhir_unsupported',
          message: `The value set "${id}" includes a whole code system; Hearth needs the answers listed.`,
        });
      }
      const system = str(include.system);
      return [...nested, ...concepts.filter(isObject).map((concept) => answer(system, concept))];
    });
  };
  return resolve(reference, new Set());
}

function fromExpansion(contains: unknown[]): ValueSetAnswer[] {
  return contains.filter(isObject).flatMap((entry) => [...(str(entry.code) !== undefined ? [answer(str(entry.system), entry)] : []), ...fromExpansion(list(entry.contains))]);
}

function answer(system: string | undefined, concept: Json): ValueSetAnswer {
  const score = scoreExtension(concept.extension);
  const display = str(concept.display);
  return {
    ...(system !== undefined ? { system } : {}),
    code: str(concept.code) ?? '',
    ...(display !== undefined ? { display } : {}),
    ...(score !== undefined ? { score } : {}),
  };
}
