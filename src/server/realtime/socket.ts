import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { clientFrameSchema, MAX_SOCKET_FRAME_BYTES, type ClientFrame } from '../../shared/schemas/space.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { findSpaceViewer } from '../modules/space/access.js';
import { createPost } from '../modules/space/create-post.js';
import { forViewer } from '../modules/space/presenters.js';
import type { Connection, SpaceHub } from './hub.js';

export const SOCKET_PATH = '/api/space/socket';

declare module 'fastify' {
  interface FastifyInstance {
    /** The instance's group-space sockets (and the per-member post rate limit they share with REST). */
    spaceHub: SpaceHub;
  }
}
const HEARTBEAT_MS = 25_000;
/** Every other heartbeat re-checks the sign-in session and each subscription. */
const REVALIDATE_EVERY = 2;

/** The origin the browser must come from: the configured public URL, else this request's own host. */
function expectedOrigin(request: FastifyRequest): string {
  const configured = request.server.hearth.config.publicUrl;
  return configured ? new URL(configured).origin : `${request.protocol}://${request.host}`;
}

/**
 * Refuses the upgrade before it happens: no session, the second factor pending, or a page from
 * another origin (a WebSocket carries cookies across sites; the Origin check is its CSRF guard).
 * Clients that send no Origin are not browsers and carry no ambient cookies by accident.
 */
async function checkUpgrade(request: FastifyRequest): Promise<void> {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== expectedOrigin(request)) throw new AppError('csrf_failed', 'This connection came from another site.');
  const auth = request.auth;
  if (!auth) throw new AppError(request.sessionProblem === 'expired' ? 'session_expired' : 'unauthenticated', 'Please sign in.');
  const mfaDone = auth.session.mfaState === 'verified' || auth.session.mfaState === 'enrolment_offered';
  if (!mfaDone) throw new AppError('mfa_required', 'Finish the second sign-in step first.');
  if (auth.principal.role === 'admin') throw new AppError('forbidden', 'Group spaces are for members and their facilitators.');
}

function errorFrame(error: unknown, extra: { clientId?: string; groupId?: string } = {}) {
  if (error instanceof AppError) {
    return { type: 'error' as const, code: error.code, message: error.message, ...extra, ...(error.details ? { details: error.details } : {}) };
  }
  if (error instanceof z.ZodError) {
    return {
      type: 'error' as const,
      code: 'validation_failed',
      message: 'This message could not be accepted.',
      ...extra,
      details: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
  return { type: 'error' as const, code: 'internal', message: 'Something went wrong on our side. Try again.', ...extra };
}

async function handlePost(hub: SpaceHub, app: FastifyInstance, conn: Connection, frame: Extract<ClientFrame, { type: 'post' }>, requestId: string, ip: string): Promise<void> {
  const extra = { clientId: frame.clientId, groupId: frame.groupId };
  // Membership is read for every post (someone withdrawn a moment ago cannot post), and before the
  // rate limit, so frames for a foreign group are not found and never spend the member's tokens.
  const viewer = await findSpaceViewer(app.hearth.db, conn.principal, frame.groupId);
  if (!viewer) return hub.send(conn, { type: 'error', code: 'not_found', message: 'This group space was not found.', ...extra });
  if (!(await hub.limiter.take(conn.principal.userId))) {
    return hub.send(conn, { type: 'error', code: 'rate_limited', message: 'You are sending messages very fast. Wait a moment, then try again.', ...extra });
  }
  const { hearth } = app;
  const { post } = await createPost({ db: hearth.db as Db, actor: { userId: conn.principal.userId, role: conn.principal.role, requestId, ip }, now: hearth.clock.now() }, viewer, {
    thread: frame.thread,
    text: frame.text,
    clientId: frame.clientId,
    replyToId: frame.replyToId,
  });
  const shown = forViewer(post, viewer, new Set());
  if (shown) hub.send(conn, { type: 'ack', clientId: frame.clientId, post: shown });
}

async function onMessage(hub: SpaceHub, app: FastifyInstance, conn: Connection, raw: Buffer, requestId: string, ip: string): Promise<void> {
  if (raw.byteLength > MAX_SOCKET_FRAME_BYTES) {
    return hub.send(conn, { type: 'error', code: 'payload_too_large', message: `Messages are limited to ${MAX_SOCKET_FRAME_BYTES / 1024} KiB.` });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return hub.send(conn, { type: 'error', code: 'malformed_json', message: 'This frame is not valid JSON.' });
  }
  const parsed = clientFrameSchema.safeParse(json);
  if (!parsed.success) {
    const clientId = typeof (json as { clientId?: unknown } | null)?.clientId === 'string' ? (json as { clientId: string }).clientId.slice(0, 64) : undefined;
    return hub.send(conn, errorFrame(parsed.error, clientId ? { clientId } : {}));
  }
  const frame = parsed.data;
  switch (frame.type) {
    case 'ping':
      return hub.send(conn, { type: 'pong' });
    case 'subscribe':
      return hub.subscribe(conn, frame.groupId, frame.afterSeq);
    case 'unsubscribe':
      return hub.unsubscribe(conn, frame.groupId);
    case 'post':
      try {
        return await handlePost(hub, app, conn, frame, requestId, ip);
      } catch (error) {
        if (!(error instanceof AppError)) app.log.error({ err: error }, 'space post over socket failed');
        return hub.send(conn, errorFrame(error, { clientId: frame.clientId, groupId: frame.groupId }));
      }
  }
}

async function sessionStillValid(app: FastifyInstance, sessionId: string): Promise<boolean> {
  const row = await app.hearth.db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.ended_at', 's.absolute_expires_at', 'u.status'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  return !!row && !row.ended_at && row.status === 'active' && new Date(row.absolute_expires_at).getTime() > app.hearth.clock.now().getTime();
}

/** Registers the group-space socket and its heartbeat. Access is checked at the upgrade and on every subscribe and post. */
export function registerSpaceSocket(app: FastifyInstance, hub: SpaceHub): void {
  app.decorate('spaceHub', hub);
  const alive = new WeakMap<WebSocket, boolean>();
  let tick = 0;
  const heartbeat = setInterval(() => {
    tick += 1;
    for (const conn of hub.connections()) {
      if (alive.get(conn.socket) === false) {
        conn.socket.terminate();
        hub.remove(conn);
        continue;
      }
      alive.set(conn.socket, false);
      conn.socket.ping();
      if (tick % REVALIDATE_EVERY === 0) {
        void (async () => {
          if (!(await sessionStillValid(app, conn.principal.sessionId))) {
            conn.socket.close(4401, 'Signed out');
            hub.remove(conn);
            return;
          }
          await hub.revalidate(conn);
        })().catch((error: unknown) => app.log.error({ err: error }, 'socket revalidation failed'));
      }
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  app.addHook('onClose', async () => {
    clearInterval(heartbeat);
    await hub.close();
  });

  app.route({
    method: 'GET',
    url: SOCKET_PATH,
    // Not an HTTP API route: access is checked in preValidation (session, MFA, role, Origin),
    // then per group on each subscribe and post. Not in the OpenAPI document (@fastify/swagger leaves
    // WebSocket routes out, and OpenAPI cannot describe frames), so the test harness does not hold
    // its handshake refusals to the document either.
    config: { hearthRoute: true, outsideOpenApi: true },
    preValidation: async (request) => checkUpgrade(request),
    websocket: true,
    handler: (socket, request) => {
      const auth = request.auth;
      if (!auth) {
        socket.close(4401, 'Signed out');
        return;
      }
      const conn: Connection = { socket, principal: auth.principal, subs: new Map() };
      hub.add(conn);
      alive.set(socket, true);
      socket.on('pong', () => alive.set(socket, true));
      socket.on('close', () => hub.remove(conn));
      socket.on('error', () => hub.remove(conn));
      // Frames are handled one at a time per socket, so a subscribe finishes before the next post.
      let queue = Promise.resolve();
      socket.on('message', (data: Buffer, isBinary: boolean) => {
        alive.set(socket, true);
        queue = queue
          .then(() =>
            isBinary
              ? hub.send(conn, { type: 'error', code: 'validation_failed', message: 'Send text frames with JSON.' })
              : onMessage(hub, app, conn, Buffer.isBuffer(data) ? data : Buffer.from(data), request.id, request.ip),
          )
          .catch((error: unknown) => {
            app.log.error({ err: error }, 'socket frame failed');
            hub.send(conn, errorFrame(error));
          });
      });
      hub.send(conn, { type: 'ready', userId: auth.principal.userId });
    },
  });
}
