import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z, ZodType } from 'zod';
import type { DbOrTx } from '../db/database.js';
import { recordAudit, type AuditActor, type AuditEntry } from '../modules/audit/record.js';
import { objectInScope, type ObjectKind } from '../policy/objects.js';
import { ruleFor, type Action, type Principal, type Resource } from '../policy/policy.js';
import { AppError } from './errors.js';
import { claimIdempotencyKey, completeIdempotencyKey, fingerprintOf, readIdempotencyKey, releaseIdempotencyKeyWhenPossible } from './idempotency.js';
import type { AuthState, Hearth } from './hearth.js';
import { operationSpecOf, type FileMediaType, type OperationSpec } from './openapi.js';
import type { ErrorCode } from '../../shared/errors.js';

/**
 * Every route declares who may call it. `public` routes need no sign-in; every other route names
 * the resource and action the access policy must allow, and the ids it is given that name
 * objects, which are checked against the caller's scope before anything else runs.
 */
export type RouteAccess =
  | { kind: 'public' }
  | {
      kind: 'authenticated';
      resource: Resource;
      action: Action;
      /**
       * Ids naming objects, and their kind: outsiders get 404. A key is a route parameter
       * (`groupId`), a body field (`body.groupId`) or a query field (`query.sessionId`).
       */
      objects?: Record<string, ObjectKind>;
      /** Reachable while the second factor is still to be given or enrolled (MFA routes, logout). */
      allowPendingMfa?: boolean;
    };

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler gets besides its validated input. */
export interface RouteContext {
  /** The request's transaction for writes, the root handle for reads. */
  db: DbOrTx;
  /**
   * Configuration and clock. The root database handle is left out on purpose: on SQLite a
   * second handle used inside the request's transaction would wait for it forever.
   */
  hearth: Omit<Hearth, 'db'>;
  auth: AuthState | null;
  /** The signed-in caller; throws `unauthenticated` on a public route without a session. */
  readonly principal: Principal;
  actor: AuditActor;
  now: Date;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Appends an audit row in the same transaction as the handler's writes. */
  audit(entry: AuditEntry): Promise<void>;
  /** Work that must survive a refusal (e.g. counting a wrong code): run after the transaction rolls back. */
  onFailure(work: (db: DbOrTx) => Promise<void>): void;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface RouteDef<P extends ZodType = ZodType, Q extends ZodType = ZodType, B extends ZodType = ZodType> {
  /** Stable operation id, e.g. `admin.users.create`: the OpenAPI operationId and the default audit action. */
  id: string;
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  access: RouteAccess;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * JSON response schemas by status (the status the handler sets with `ctx.reply.code`, 200 by
   * default). A route with neither `response` nor `produces` answers 204 No Content (its handler
   * returns nothing), and the OpenAPI document says so.
   */
  response?: Record<number, ZodType>;
  /**
   * A route answering 200 with something other than JSON described by `response` (a file, a FHIR
   * document): each media type it sends, with what the body is. The handler sets the same type.
   */
  produces?: Partial<Record<FileMediaType, string>>;
  /**
   * The route may answer 202 Accepted (an asynchronous job, as FHIR Bulk Data's kick-off and
   * status do): what that answer means, and its body's media types if it has one.
   */
  accepted?: { description: string; produces?: Partial<Record<FileMediaType, string>> };
  /**
   * Refusals the use case gives (`not_a_member`, `stale_version`, `rate_limited`…), documented as
   * the route's 4xx answers. Those of the route mechanism itself (validation, sign-in, CSRF, role,
   * object scope, Idempotency-Key) are derived from the declaration and need not be listed.
   */
  errors?: readonly ErrorCode[];
  /**
   * Audit the refusals that come before the handler — a body that is not JSON, too large, or fails
   * validation — as failures of this action (signed-in requests only; the code, never the body).
   * For imports and data-rights actions, whose bad input the service must be able to account for.
   */
  auditRefusals?: boolean;
  /** Run the handler inside one transaction (default: true for writes). */
  transaction?: boolean;
  /**
   * Honour an `Idempotency-Key` header (default: every signed-in POST past the second factor).
   * `false` for answers that must never be stored or replayed: one-time secrets (invitation
   * links, calendar-feed URLs).
   */
  idempotency?: boolean;
  handler(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>, ctx: RouteContext): Promise<unknown>;
}

/** A registered route as the access-matrix test walks it. */
export interface RegisteredRoute {
  id: string;
  method: Method;
  url: string;
  access: RouteAccess;
  /** What the OpenAPI document says about it beyond its schemas (http/openapi.ts). */
  openapi: OperationSpec;
}

/** Identity function that keeps the route's input types. */
export function defineRoute<P extends ZodType = ZodType, Q extends ZodType = ZodType, B extends ZodType = ZodType>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> {
  return def;
}

function actorOf(request: FastifyRequest): AuditActor {
  return {
    userId: request.auth?.principal.userId ?? null,
    role: request.auth?.principal.role ?? null,
    requestId: request.id,
    ip: request.ip,
  };
}

/** Checks sign-in, second factor, CSRF, role and object scope (every id in `objects`), in that order. */
async function checkAccess(app: FastifyInstance, def: RouteDef, objects: readonly ObjectId[], request: FastifyRequest): Promise<void> {
  const access = def.access;
  if (access.kind === 'public') return;
  const auth = request.auth;
  if (!auth) {
    throw new AppError(
      request.sessionProblem === 'expired' ? 'session_expired' : 'unauthenticated',
      request.sessionProblem === 'expired' ? 'Your session has ended. Please sign in again.' : 'Please sign in.',
    );
  }
  const mfaDone = auth.session.mfaState === 'verified' || auth.session.mfaState === 'enrolment_offered';
  if (!mfaDone && !access.allowPendingMfa) {
    throw new AppError('mfa_required', 'Finish the second sign-in step first.');
  }
  if (def.method !== 'GET' && request.headers['x-csrf-token'] !== auth.session.csrfToken) {
    throw new AppError('csrf_failed', 'This request could not be verified. Reload the page and try again.');
  }
  const { db, clock } = app.hearth;
  const rule = ruleFor(auth.principal.role, access.resource, access.action);
  if (!rule) {
    await recordAudit(db, actorOf(request), { action: def.id, outcome: 'denied', detail: { reason: 'role' } }, clock.now());
    throw new AppError('forbidden', 'Your role does not allow this.');
  }
  for (const object of objects) {
    const id = idIn(request, object);
    // A body or query id that is absent (or not a string) is left to validation: 400, not 404.
    if (id === undefined) continue;
    if (!(await objectInScope(db, auth.principal, rule, object.kind, id, clock.now()))) {
      await recordAudit(db, actorOf(request), { action: def.id, outcome: 'denied', resourceType: object.kind, resourceId: id.slice(0, 64) }, clock.now());
      throw new AppError('not_found', 'This record was not found.');
    }
  }
}

/**
 * The context each handler gets. A class rather than an object literal: V8 builds a literal that
 * has a getter (`principal`) in its slow path on every call, as a dictionary-mode object of its
 * own, which measured as a large share of a light request's CPU and garbage collection.
 */
class HandlerContext implements RouteContext {
  readonly hearth: Omit<Hearth, 'db'>;
  readonly auth: AuthState | null;
  readonly now: Date;
  /** Whether the handler wrote its own audit row. */
  audited = false;

  constructor(
    readonly db: DbOrTx,
    hearth: Hearth,
    readonly request: FastifyRequest,
    readonly reply: FastifyReply,
    readonly actor: AuditActor,
    private readonly failureWork: ((db: DbOrTx) => Promise<void>)[],
  ) {
    this.hearth = hearth;
    this.auth = request.auth;
    this.now = hearth.clock.now();
  }

  get principal(): Principal {
    if (!this.request.auth) throw new AppError('unauthenticated', 'Please sign in.');
    return this.request.auth.principal;
  }

  async audit(entry: AuditEntry): Promise<void> {
    this.audited = true;
    await recordAudit(this.db, this.actor, entry, this.hearth.clock.now());
  }

  onFailure(work: (db: DbOrTx) => Promise<void>): void {
    this.failureWork.push(work);
  }
}

/** One id a route names an object by: where the id is read, and the object's kind. */
interface ObjectId {
  in: 'params' | 'body' | 'query';
  field: string;
  kind: ObjectKind;
}

/**
 * The ids a route's `objects` declare, read once at registration. Refuses a key that names
 * nothing the route is given (a typo would otherwise check nothing).
 */
function objectIdsOf(def: RouteDef): ObjectId[] {
  if (def.access.kind !== 'authenticated') return [];
  return Object.entries(def.access.objects ?? {}).map(([key, kind]) => {
    const dot = key.indexOf('.');
    if (dot === -1) {
      if (!def.url.includes(`:${key}`)) throw new Error(`Route ${def.url} declares unknown object param ${key}`);
      return { in: 'params', field: key, kind };
    }
    const where = key.slice(0, dot);
    const field = key.slice(dot + 1);
    if (where !== 'body' && where !== 'query') throw new Error(`Route ${def.method} ${def.url}: object ${key} is neither a parameter nor body.<field> / query.<field>`);
    const shape = ((where === 'body' ? def.body : def.query) as { shape?: Record<string, unknown> } | undefined)?.shape;
    if (!shape || !(field in shape)) throw new Error(`Route ${def.method} ${def.url} declares object ${key}, which its ${where} schema does not have`);
    return { in: where, field, kind };
  });
}

/**
 * The raw id this request gives for one object (read before validation, like the URL): a route
 * parameter is always there ('' when missing: a 404); a body or query field is undefined when
 * absent or not a string, and then validation answers.
 */
function idIn(request: FastifyRequest, object: ObjectId): string | undefined {
  const from = object.in === 'params' ? request.params : object.in === 'body' ? request.body : request.query;
  const value = from !== null && typeof from === 'object' && !Array.isArray(from) ? (from as Record<string, unknown>)[object.field] : undefined;
  if (typeof value === 'string') return value;
  return object.in === 'params' ? '' : undefined;
}

/** Work done with the handler's result in its transaction, just before it commits. */
type BeforeCommit = (handle: DbOrTx, result: unknown) => Promise<void>;

async function runHandler(app: FastifyInstance, def: RouteDef, request: FastifyRequest, reply: FastifyReply, beforeCommit?: BeforeCommit) {
  const { db, clock } = app.hearth;
  const input = {
    params: request.params,
    query: request.query,
    body: request.body,
  } as RouteInput<unknown, unknown, unknown>;
  const useTransaction = def.transaction ?? def.method !== 'GET';
  const actor = actorOf(request);
  const failureWork: ((db: DbOrTx) => Promise<void>)[] = [];
  const run = async (handle: DbOrTx) => {
    const ctx = new HandlerContext(handle, app.hearth, request, reply, actor, failureWork);
    const result = await def.handler(input, ctx);
    // Every successful write leaves at least one audit row, inside its own transaction.
    if (useTransaction && !ctx.audited) await ctx.audit({ action: def.id });
    if (beforeCommit) await beforeCommit(handle, result);
    return result;
  };
  try {
    return useTransaction ? await db.transaction().execute(run) : await run(db);
  } catch (error) {
    if (useTransaction && error instanceof AppError) {
      // The transaction is gone; the refusal itself is still worth a row.
      await db.transaction().execute(async (trx) => {
        for (const work of failureWork) await work(trx);
        await recordAudit(trx, actor, { action: def.id, outcome: 'failure', detail: { code: error.code } }, clock.now());
      });
    }
    throw error;
  }
}

/** Whether a route honours `Idempotency-Key`: signed-in POSTs, unless the route opts out. */
function honoursIdempotencyKey(def: RouteDef): boolean {
  return def.method === 'POST' && def.access.kind === 'authenticated' && !def.access.allowPendingMfa && def.idempotency !== false;
}

/**
 * Runs a write under its Idempotency-Key (see http/idempotency.ts): a repeat of an answered
 * request gets the stored answer (marked `Idempotent-Replayed: true`) without running again.
 */
async function runIdempotently(app: FastifyInstance, def: RouteDef, request: FastifyRequest, reply: FastifyReply, key: string) {
  const { db, clock } = app.hearth;
  // honoursIdempotencyKey admits signed-in routes only, and checkAccess has run.
  const ref = { userId: request.auth?.principal.userId ?? '', key };
  const claimed = await claimIdempotencyKey(db, ref, fingerprintOf(request), clock.now());
  if (claimed.kind === 'replay') {
    reply.header('idempotent-replayed', 'true').code(claimed.status);
    if (claimed.body === null) return reply.send();
    return reply.type('application/json; charset=utf-8').send(claimed.body);
  }
  try {
    return await runHandler(app, def, request, reply, async (handle, result) => {
      // Stored as the client sees it: through the route's response serialiser.
      const response =
        result === undefined || reply.sent
          ? { status: result === undefined && !reply.sent ? 204 : reply.statusCode, body: null }
          : { status: reply.statusCode, body: reply.serialize(result) as string };
      await completeIdempotencyKey(handle, ref, claimed.claim, response);
    });
  } catch (error) {
    // Nothing was committed: give the key back so the same request may run again (retried in
    // the background while the database is unreachable).
    await releaseIdempotencyKeyWhenPossible(db, ref, claimed.claim, (releaseError: unknown) => request.log.error({ err: releaseError }, 'releasing an idempotency key failed'));
    throw error;
  }
}

/** Registers routes; a route without a declared access rule cannot be registered. */
export function registerRoutes(app: FastifyInstance, defs: readonly RouteDef[]): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const def of defs) {
    const access = def.access as RouteAccess | undefined;
    if (!access || (access.kind !== 'public' && (!access.resource || !access.action))) {
      throw new Error(`Route ${def.method} ${def.url} has no access rule`);
    }
    const objects = objectIdsOf(def);
    // Decided once here, so reads (and writes sent without a key) pay nothing for it.
    const idempotent = honoursIdempotencyKey(def);
    if (def.response && def.produces) throw new Error(`Route ${def.method} ${def.url} declares both a JSON response and produces`);
    app.routeTable.push({ id: def.id, method: def.method, url: def.url, access, openapi: operationSpecOf(def, idempotent) });
    typed.route({
      method: def.method,
      url: def.url,
      schema: {
        operationId: def.id,
        summary: def.summary,
        tags: def.tags,
        ...(def.params ? { params: def.params } : {}),
        ...(def.query ? { querystring: def.query } : {}),
        ...(def.body ? { body: def.body } : {}),
        ...(def.response ? { response: def.response } : {}),
      },
      // `idempotent` also puts the Idempotency-Key header into the OpenAPI document (app.ts).
      config: { hearthRoute: true, idempotent, ...(def.auditRefusals ? { auditRefusalsAs: def.id } : {}) },
      preValidation: async (request) => checkAccess(app, def, objects, request),
      handler: async (request, reply) => {
        const key = idempotent ? readIdempotencyKey(request) : null;
        const result = key === null ? await runHandler(app, def, request, reply) : await runIdempotently(app, def, request, reply, key);
        if (reply.sent) return reply;
        if (result === undefined) return reply.code(204).send();
        return result;
      },
    });
  }
}
