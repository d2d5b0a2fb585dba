import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { classifyDatabaseFailure, UNAVAILABLE_MESSAGES } from '../db/unavailable.js';
import { errorAsOperationOutcome, refusesAsOperationOutcome } from '../modules/fhir/operation-outcome.js';
import { recordAudit } from '../modules/audit/record.js';
import { AppError, errorStatus, type ErrorCode } from './errors.js';

// Fastify's own error codes, mapped onto Hearth's stable ones.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
};

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  unsupported_media_type: 'Send the request body as application/json.',
  payload_too_large: 'The request is too large.',
  malformed_json: 'The request body is not valid JSON.',
  bad_request: 'The request could not be understood.',
  internal: 'Something went wrong on our side. Please try again; if it keeps happening, tell your administrator.',
};

/** Sends a refusal in the one error shape (an OperationOutcome under the FHIR API) and counts it. */
export function sendError(reply: FastifyReply, code: ErrorCode, message: string, details?: { path: string; message: string }[], current?: unknown) {
  reply.server.hearth?.metrics?.errors.inc({ code });
  // The FHIR API answers in FHIR's own error shape, carrying the same code.
  if (refusesAsOperationOutcome(reply.request.url)) {
    return reply
      .code(errorStatus[code])
      .type('application/fhir+json')
      .send(errorAsOperationOutcome(errorStatus[code], code, message, details));
  }
  return reply.code(errorStatus[code]).send({
    error: {
      code,
      message,
      requestId: reply.request.id,
      ...(details?.length ? { details } : {}),
      ...(current !== undefined ? { current } : {}),
    },
  });
}

/** Refusals that come before a route's handler (the body itself): audited where the route asks (`auditRefusals`). */
const BEFORE_HANDLER: ReadonlySet<ErrorCode> = new Set(['validation_failed', 'payload_too_large', 'malformed_json', 'unsupported_media_type', 'bad_request']);

/**
 * Records a refusal of the request's body as a failure of the route's action, when the route asks
 * for it and someone is signed in (an anonymous flood of bad bodies writes nothing). A failure to
 * write the row is logged and never changes the answer.
 */
async function auditRefusal(request: FastifyRequest, code: ErrorCode): Promise<void> {
  const action = (request.routeOptions.config as { auditRefusalsAs?: string } | undefined)?.auditRefusalsAs;
  const hearth = request.server.hearth;
  if (!action || !request.auth || !BEFORE_HANDLER.has(code) || !hearth) return;
  const actor = { userId: request.auth.principal.userId, role: request.auth.principal.role, requestId: request.id, ip: request.ip };
  try {
    await recordAudit(hearth.db, actor, { action, outcome: 'failure', detail: { code } }, hearth.clock.now());
  } catch (err) {
    request.log.error({ err }, 'could not audit a refused request');
  }
}

/** One error shape for every failure; unknown errors become a generic 500 without a stack. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
      return sendError(reply, error.code, error.message, error.details, error.current);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: [
          error.validationContext,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        message: v.message ?? 'Invalid value.',
      }));
      await auditRefusal(request, 'validation_failed');
      return sendError(reply, 'validation_failed', 'Some fields need attention.', details);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendError(reply, 'internal', MESSAGES.internal ?? '');
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      await auditRefusal(request, mapped);
      return sendError(reply, mapped, MESSAGES[mapped] ?? error.message);
    }
    // Only a body parser's refusal (status 400) means bad JSON: a SyntaxError thrown while handling
    // the request (e.g. a stored value that no longer parses) is ours and must stay a 500.
    if (error.statusCode === 400 && (error instanceof SyntaxError || /prototype|constructor/i.test(error.message))) {
      await auditRefusal(request, 'malformed_json');
      return sendError(reply, 'malformed_json', MESSAGES.malformed_json ?? '');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, 'bad_request', MESSAGES.bad_request ?? '');
    }
    const unavailable = classifyDatabaseFailure(error);
    if (unavailable) {
      request.log.error({ err: error, code: unavailable.code }, `database unavailable: ${unavailable.cause}`);
      reply.header('retry-after', String(unavailable.retryAfterSeconds));
      return sendError(reply, unavailable.code, UNAVAILABLE_MESSAGES[unavailable.code]);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 'internal', MESSAGES.internal ?? '');
  });
}

// Fastify answers a URL its router cannot read before any hook runs, so helmet's headers are
// missing there: these JSON-only answers get the strictest policy instead.
const BARE_RESPONSE_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * Fastify's `frameworkErrors`: a URL that is not valid percent-encoding, or a route parameter
 * longer than any id, gets Hearth's error shape (not Fastify's, which echoes the URL). An
 * over-long id is answered like any unknown one: 404.
 */
export function handleFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  reply.headers(BARE_RESPONSE_HEADERS);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendError(reply, 'not_found', 'This record was not found.');
  if (error.code === 'FST_ERR_BAD_URL') return sendError(reply, 'bad_request', MESSAGES.bad_request ?? '');
  reply.log.error({ err: error }, 'framework error');
  return sendError(reply, 'internal', MESSAGES.internal ?? '');
}
