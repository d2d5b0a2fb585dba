import { z } from 'zod';
import { errorStatus, type ErrorCode } from '../../shared/errors.js';
import { roleSchema } from '../../shared/schemas/common.js';
import { operationOutcomeSchema, refusesAsOperationOutcome } from '../modules/fhir/operation-outcome.js';
import { ruleFor } from '../policy/policy.js';
import type { RouteDef } from './route.js';

/**
 * The OpenAPI document's route-level truth, derived once from each `defineRoute` declaration so a
 * new route is documented correctly without work of its own: its success answer (JSON by
 * `response`, a file by `produces`, else 204 No Content), every refusal the route mechanism can
 * give it (validation, sign-in, CSRF, role, object scope, Idempotency-Key) plus the domain
 * refusals it names in `errors`, and its security (none on public routes, the session cookie on
 * signed-in ones, and the CSRF header on signed-in writes). `finishOpenApiDocument` writes these
 * into the document @fastify/swagger built from the zod schemas.
 */

/** Media types a route may answer with instead of JSON described by `response`. */
export const FILE_MEDIA_TYPES = {
  // JSON with no zod schema of its own: only the OpenAPI document itself.
  'application/json': { type: 'object' },
  'application/fhir+json': { type: 'object', required: ['resourceType'], properties: { resourceType: { type: 'string' } } },
  'application/fhir+ndjson': { type: 'string', description: 'One FHIR resource as JSON per line' },
  'application/x-ndjson': { type: 'string', description: 'One JSON object per line' },
  'text/csv': { type: 'string', description: 'CSV, UTF-8' },
  'text/calendar': { type: 'string', description: 'iCalendar (RFC 5545)' },
  'text/html': { type: 'string' },
  'application/pdf': { type: 'string', contentMediaType: 'application/pdf', contentEncoding: 'binary' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    type: 'string',
    contentMediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentEncoding: 'binary',
  },
} as const;

export type FileMediaType = keyof typeof FILE_MEDIA_TYPES;

/** The one error body every refusal carries (see http/error-handler.ts). */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      requestId: z.string().optional(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      current: z.unknown().optional().describe('409 stale_version: the record as it now stands'),
    }),
  })
  .describe('Hearth error');

/** A refusal's media type and the component that describes its body. */
export type RefusalShape = { mediaType: 'application/json'; schema: 'Error' } | { mediaType: 'application/fhir+json'; schema: 'OperationOutcome' };

const HEARTH_REFUSAL: RefusalShape = { mediaType: 'application/json', schema: 'Error' };
const FHIR_REFUSAL: RefusalShape = { mediaType: 'application/fhir+json', schema: 'OperationOutcome' };

/** What the document says about one operation beyond its zod schemas. */
export interface OperationSpec {
  /** 204 when the route declares neither `response` nor `produces`. */
  noContent: boolean;
  produces: Partial<Record<FileMediaType, string>> | undefined;
  /** A 202 Accepted answer, when the route starts or reports an asynchronous job. */
  accepted: RouteDef['accepted'];
  /** Every refusal code the route can answer with, from its declaration and its `errors`. */
  errors: ErrorCode[];
  /** How its refusals travel: Hearth's error body, or an OperationOutcome under the FHIR API. */
  refusal: RefusalShape;
  security: { sessionCookie: string[]; csrfToken?: string[] }[];
}

const SERVER_ERRORS: readonly ErrorCode[] = ['internal', 'database_unavailable', 'storage_full', 'storage_error'];

/** The refusals the route mechanism itself gives a route (http/route.ts, error-handler.ts, idempotency.ts). */
function mechanismErrors(def: RouteDef, idempotent: boolean): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (def.params || def.query || def.body) codes.push('validation_failed');
  if (def.method !== 'GET') codes.push('malformed_json', 'payload_too_large', 'unsupported_media_type');
  // A route parameter longer than any id, or one naming nothing, is answered 404.
  if (def.url.includes(':')) codes.push('not_found');
  if (idempotent) codes.push('invalid_idempotency_key', 'idempotency_key_reused', 'idempotency_in_progress');
  const access = def.access;
  if (access.kind === 'authenticated') {
    codes.push('unauthenticated', 'session_expired');
    if (!access.allowPendingMfa) codes.push('mfa_required');
    if (def.method !== 'GET') codes.push('csrf_failed');
    if (roleSchema.options.some((role) => !ruleFor(role, access.resource, access.action))) codes.push('forbidden');
    if (Object.keys(access.objects ?? {}).length > 0) codes.push('not_found');
  }
  return codes;
}

/** The document's view of one route, computed once at registration. */
export function operationSpecOf(def: RouteDef, idempotent: boolean): OperationSpec {
  const errors = [...new Set([...mechanismErrors(def, idempotent), ...(def.errors ?? [])])];
  const signedIn = def.access.kind === 'authenticated';
  return {
    noContent: !def.response && !def.produces && !def.accepted,
    produces: def.produces,
    accepted: def.accepted,
    errors,
    refusal: refusesAsOperationOutcome(def.url) ? FHIR_REFUSAL : HEARTH_REFUSAL,
    security: !signedIn ? [] : def.method === 'GET' ? [{ sessionCookie: [] }] : [{ sessionCookie: [], csrfToken: [] }],
  };
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Refused by a rule',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  responses?: Record<string, Json>;
  security?: unknown[];
}

function errorResponse(status: string, codes: readonly ErrorCode[], shape: RefusalShape): Json {
  return {
    description: `${STATUS_TEXT[Number(status)] ?? 'Server error'}: ${codes.join(', ')}`,
    content: { [shape.mediaType]: { schema: { $ref: `#/components/schemas/${shape.schema}` } } },
  };
}

export interface DocumentOptions {
  /** The service's public URL (HEARTH_PUBLIC_URL); without it the document is relative to where it is served. */
  publicUrl: string | undefined;
  /** The session cookie's name (`__Host-hearth_session`, or `hearth_session` with HEARTH_INSECURE_COOKIES). */
  sessionCookie: string;
}

/** Completes the generated document: servers, security, success and refusal answers per operation. */
export function finishOpenApiDocument<T>(document: T, specs: ReadonlyMap<string, OperationSpec>, options: DocumentOptions): T {
  const doc = document as Json & { paths?: Record<string, Record<string, Operation>>; components?: Json };
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    paths[path] = {};
    for (const [method, operation] of Object.entries(methods)) {
      const spec = operation.operationId ? specs.get(operation.operationId) : undefined;
      paths[path][method] = spec ? finishOperation(operation, spec) : operation;
    }
  }
  return {
    ...doc,
    servers: [{ url: options.publicUrl ?? '/', description: options.publicUrl ? 'This service' : 'The server this document was read from' }],
    paths,
    components: {
      ...doc.components,
      schemas: {
        ...(doc.components?.schemas as Json | undefined),
        Error: z.toJSONSchema(errorBodySchema, { target: 'draft-2020-12', io: 'output' }),
        OperationOutcome: z.toJSONSchema(operationOutcomeSchema, { target: 'draft-2020-12', io: 'output' }),
      },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: options.sessionCookie, description: 'Set by signing in (POST /api/auth/login).' },
        csrfToken: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'Every signed-in write: the `csrfToken` of GET /api/me or of the sign-in answer.' },
      },
    },
  } as T;
}

function finishOperation(operation: Operation, spec: OperationSpec): Operation {
  const responses: Record<string, Json> = {};
  if (spec.noContent) responses['204'] = { description: STATUS_TEXT[204] };
  else if (spec.produces) {
    const content = Object.fromEntries(Object.entries(spec.produces).map(([type, description]) => [type, { schema: { ...FILE_MEDIA_TYPES[type as FileMediaType], description } }]));
    responses['200'] = { description: STATUS_TEXT[200], content };
  } else {
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      responses[status] = response.description === 'Default Response' ? { ...response, description: STATUS_TEXT[Number(status)] ?? 'OK' } : response;
    }
  }
  if (spec.accepted) {
    const media = spec.accepted.produces;
    responses['202'] = media
      ? {
          description: spec.accepted.description,
          content: Object.fromEntries(Object.entries(media).map(([type, description]) => [type, { schema: { ...FILE_MEDIA_TYPES[type as FileMediaType], description } }])),
        }
      : { description: spec.accepted.description };
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of spec.errors) byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) responses[String(status)] = errorResponse(String(status), byStatus.get(status) ?? [], spec.refusal);
  responses['5XX'] = errorResponse('5XX', SERVER_ERRORS, spec.refusal);
  return { ...operation, security: spec.security, responses };
}
