import type { DefinitionErrorCode } from '../../../../shared/instruments/definition.js';

/** One problem with an imported Questionnaire: where, what, and a stable code. */
export interface FhirImportError {
  path: string;
  message: string;
  code: DefinitionErrorCode | 'fhir_invalid' | 'fhir_unsupported' | 'fhir_too_large';
}

/** Something the importer should know about an import that succeeded. */
export interface FhirImportNote {
  code: 'known_instrument' | 'no_alert_rules' | 'calculated_item_recomputed' | 'unscored_item';
  message: string;
}

/** Most Questionnaire items (questions, groups, display and calculated items) an import may hold. */
export const MAX_IMPORT_ITEMS = 1000;
/** Deepest JSON nesting an import may have (a real Questionnaire needs about 15). */
export const MAX_IMPORT_DEPTH = 64;
/** Most JSON values (objects, arrays, scalars) an import may hold: bounds the work before any parsing. */
const MAX_IMPORT_NODES = 200_000;

/**
 * Checks a Questionnaire's size and shape before anything recursive reads it: a cycle (possible in an
 * object built in process, never in parsed JSON), nesting beyond MAX_IMPORT_DEPTH or more than
 * MAX_IMPORT_ITEMS items would otherwise exhaust the stack or the time of the import. Iterative.
 */
export function structureProblems(json: unknown): FhirImportError[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return [
      {
        path: '',
        code: 'fhir_invalid',
        message: 'Not a FHIR resource: expected a JSON object with a resourceType.',
      },
    ];
  }
  const resourceType = (json as { resourceType?: unknown }).resourceType;
  if (resourceType !== 'Questionnaire') {
    const what = typeof resourceType === 'string' ? `a ${resourceType.slice(0, 64)}` : 'not a FHIR resource (no resourceType)';
    return [
      {
        path: 'resourceType',
        code: 'fhir_unsupported',
        message: `Hearth imports FHIR Questionnaire resources; this is ${what}.`,
      },
    ];
  }
  const seen = new WeakSet<object>();
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: json, depth: 0, path: '' }];
  let nodes = 0;
  let items = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    nodes += 1;
    if (nodes > MAX_IMPORT_NODES) {
      return [
        {
          path: '',
          code: 'fhir_too_large',
          message: `The Questionnaire is too large to import (more than ${MAX_IMPORT_NODES} values).`,
        },
      ];
    }
    if (typeof value !== 'object' || value === null) continue;
    if (seen.has(value))
      return [
        {
          path,
          code: 'fhir_invalid',
          message: 'The Questionnaire refers to the same object twice (a cycle): it cannot be FHIR JSON.',
        },
      ];
    seen.add(value);
    if (depth >= MAX_IMPORT_DEPTH) {
      return [
        {
          path,
          code: 'fhir_too_large',
          message: `The Questionnaire is nested more than ${MAX_IMPORT_DEPTH} levels deep.`,
        },
      ];
    }
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) {
      if (key === 'item' && Array.isArray(child)) {
        items += child.length;
        if (items > MAX_IMPORT_ITEMS) {
          return [
            {
              path: path === '' ? 'item' : `${path}.item`,
              code: 'fhir_too_large',
              message: `The Questionnaire has more than ${MAX_IMPORT_ITEMS} items; Hearth imports instruments of at most ${MAX_IMPORT_ITEMS}.`,
            },
          ];
        }
      }
      stack.push({
        value: child,
        depth: depth + 1,
        path: path === '' ? key : `${path}.${key}`,
      });
    }
  }
  return [];
}
