import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Checks every answer an integration test receives against the OpenAPI document the app serves:
 * its status must be one the operation declares, its media type one declared for that status, and
 * a JSON body must satisfy the declared schema (ajv, JSON Schema 2020-12, as OpenAPI 3.1 reads it).
 * Any answer that does not match — a success, a refusal, a write's — fails the test when its app
 * closes, and the run at its end (openapi-coverage.global.ts). Each validated operation is
 * recorded in HEARTH_OPENAPI_COVERAGE_DIR (set by testing/openapi-coverage.global.ts) so the run
 * can prove every GET route was validated at least once.
 */

type Json = Record<string, unknown>;
interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: Json }> }> }>>;
  components?: { schemas?: Record<string, Json> };
}

const COMPONENTS_ID = 'https://hearth.invalid/openapi.json';

// One document and one compiled validator per schema for the whole test process: the routes and
// their schemas are the same for every app, whatever its configuration.
let documentPromise: Promise<OpenApiDocument> | undefined;
let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();
const recorded = new Set<string>();

function documentOf(app: FastifyInstance): Promise<OpenApiDocument> {
  documentPromise ??= Promise.resolve(app.swagger() as unknown as OpenApiDocument).then((doc) => {
    ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats(ajv);
    ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(doc.components?.schemas ?? {}) });
    writeRouteList(doc);
    return doc;
  });
  return documentPromise;
}

/** Points the document's component references at the schema registered under COMPONENTS_ID. */
function rewriteRefs<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`)) as T;
}

function validatorFor(key: string, schema: Json): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    if (!ajv) throw new Error('the OpenAPI document is not loaded');
    validate = ajv.compile(rewriteRefs(schema));
    validators.set(key, validate);
  }
  return validate;
}

/** Every GET operation of the document, written once per run for the coverage check. */
function writeRouteList(doc: OpenApiDocument): void {
  const dir = process.env.HEARTH_OPENAPI_COVERAGE_DIR;
  if (!dir) return;
  const gets = Object.entries(doc.paths).flatMap(([url, methods]) => (methods.get ? [`GET ${url}`] : []));
  fs.writeFileSync(path.join(dir, 'routes.list'), `${gets.join('\n')}\n`);
}

function recordValidated(operation: string): void {
  const dir = process.env.HEARTH_OPENAPI_COVERAGE_DIR;
  if (!dir || recorded.has(operation)) return;
  recorded.add(operation);
  fs.appendFileSync(path.join(dir, `validated-${process.pid}.list`), `${operation}\n`);
}

function recordStray(problem: string): void {
  const dir = process.env.HEARTH_OPENAPI_COVERAGE_DIR;
  if (dir) fs.appendFileSync(path.join(dir, `strays-${process.pid}.list`), `${problem}\n`);
}

/** Why a response does not match the document, or null when it does. */
export function responseMismatch(doc: OpenApiDocument, method: string, routeUrl: string, status: number, contentType: string | undefined, payload: unknown): string | null {
  const url = routeUrl.replace(/:(\w+)/g, '{$1}');
  const operation = doc.paths[url]?.[method.toLowerCase()];
  if (!operation) return `${method} ${url} is not in the document`;
  const responses = operation.responses ?? {};
  const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`];
  if (!declared) {
    const code = errorCodeIn(payload);
    return `${method} ${url} (${operation.operationId ?? '?'}) answered ${status}${code ? ` ${code}` : ''}, which it does not declare (declared: ${Object.keys(responses).join(', ')})${code ? `: add '${code}' to the route's errors` : ''}`;
  }
  const content = declared.content;
  if (!content) {
    return payload === null || payload === undefined || payload === '' ? null : `${method} ${url} answered ${status} with a body, but declares none`;
  }
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const media = content[mediaType];
  if (!media) return `${method} ${url} answered ${status} as ${mediaType || 'no media type'}, not one it declares (${Object.keys(content).join(', ')})`;
  if (!(mediaType === 'application/json' || mediaType.endsWith('+json')) || !media.schema) return null;
  const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  if (text === null) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${method} ${url} answered ${status} as ${mediaType} with a body that is not JSON`;
  }
  const validate = validatorFor(`${method} ${url} ${status} ${mediaType}`, media.schema);
  if (validate(body)) return null;
  const errors = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  return `${method} ${url} answered ${status}: the body does not match the declared schema: ${errors.join('; ')}`;
}

/** The `error.code` of a refusal's body, if it is one. */
function errorCodeIn(payload: unknown): string | undefined {
  if (typeof payload !== 'string') return undefined;
  try {
    const code = (JSON.parse(payload) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Installs the check on a test app (before it is ready); mismatches land in `problems`. */
export function validateResponses(app: FastifyInstance, problems: string[]): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const config = request.routeOptions.config as { hearthRoute?: boolean; outsideOpenApi?: boolean } | undefined;
    if (!config?.hearthRoute || config.outsideOpenApi) return payload;
    const doc = await documentOf(app);
    const method = request.method;
    const routeUrl = request.routeOptions.url ?? '';
    const contentType = reply.getHeader('content-type');
    const problem = responseMismatch(doc, method, routeUrl, reply.statusCode, typeof contentType === 'string' ? contentType : undefined, payload);
    // Any answer that strays from the document fails the test; the run's end lists them all too.
    if (problem) {
      problems.push(problem);
      recordStray(problem);
    } else if (reply.statusCode < 300) recordValidated(`${method} ${routeUrl.replace(/:(\w+)/g, '{$1}')}`);
    return payload;
  });
}
