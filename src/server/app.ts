import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config/env.js';
import type { Database } from './db/database.js';
import { handleFrameworkError, installErrorHandling, sendError } from './http/error-handler.js';
import { IDEMPOTENCY_HEADER_SCHEMA } from './http/idempotency.js';
import { finishOpenApiDocument } from './http/openapi.js';
import type { Hearth } from './http/hearth.js';
import { registerRoutes } from './http/route.js';
import { securityHeaders } from './http/security-headers.js';
import { createSerializerCompiler } from './http/serializer.js';
import { guardText } from './http/text-guard.js';
import { systemClock, type Clock } from './lib/time.js';
import { allRoutes } from './modules/index.js';
import { sessionCookieName } from './modules/auth/cookies.js';
import { resolveSession } from './modules/auth/resolve-session.js';
import { logSafeRequest } from './modules/calendar/log-redaction.js';
import { createMetrics } from './observability/metrics.js';
import { registerMetricsEndpoint } from './observability/metrics-endpoint.js';
import type { Broker } from './realtime/broker.js';
import { createBroker } from './realtime/create-broker.js';
import { SpaceHub } from './realtime/hub.js';
import { registerSpaceSocket } from './realtime/socket.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built web app (vite build): two folders up from src/server, and from the compiled dist/server too. */
export const WEB_DIST = path.resolve(here, '../../dist/web');

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** Realtime fan-out; by default chosen from the database (LISTEN/NOTIFY on PostgreSQL). */
  broker?: Broker;
}

/** Builds the Fastify app: plugins, security headers, error shape, every route, the web app. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    // A silent log needs no logger: pino would still build a child logger for every request.
    logger:
      options.logger ??
      (config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Cookies and credentials never reach the logs; URLs carry ids only (no PHI by design).
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            // Calendar-feed URLs carry their secret token: it is masked before a request line is logged.
            serializers: { req: logSafeRequest },
          }),
    bodyLimit: config.bodyLimit,
    // A number, never `true`: X-Forwarded-For is read exactly this many hops from the right, so
    // the left-most entries a client may have written itself never become request.ip.
    // (Fastify's types omit the number form; this is what proxy-addr makes of a number.)
    trustProxy: config.trustedProxies > 0 ? (_address: string, hop: number) => hop < config.trustedProxies : false,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors: handleFrameworkError,
  });
  const hearth: Hearth = {
    db: database.db,
    databaseKind: database.kind,
    config,
    clock: options.clock ?? systemClock,
    broker: options.broker ?? (await createBroker(database, (error) => app.log.error({ err: error }, 'realtime connection error'))),
  };
  // The hub is made after the routes; the sockets gauge reads it when Prometheus scrapes.
  let hub: SpaceHub | null = null;
  hearth.metrics = config.metrics.enabled ? createMetrics({ database, clock: hearth.clock, openSockets: () => hub?.size ?? 0 }) : null;
  app.addHook('onClose', async () => hearth.broker.close());
  app.decorate('hearth', hearth);
  app.decorate('routeTable', []);
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionProblem', null);
  app.setValidatorCompiler(validatorCompiler);
  // Responses go through compiled serialisers; outside production zod checks each one as well.
  app.setSerializerCompiler(createSerializerCompiler({ verify: config.nodeEnv !== 'production' }));
  installErrorHandling(app);
  // Before every route, so the request counter sees them all.
  registerMetricsEndpoint(app, hearth.metrics, config.metrics.token);
  // Every API body is JSON: without this, Fastify's built-in text/plain parser hands routes a
  // string, answered as a confusing validation error instead of 415.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyCookie);
  app.addHook('preValidation', guardText);
  const headers = securityHeaders(config);
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(headers);
    request.auth = await resolveSession(hearth, request);
  });

  await app.register(fastifySwagger, {
    openapi: {
      // 3.1: schemas are JSON Schema 2020-12, so a nullable enum admits null (3.0's `nullable` did not).
      openapi: '3.1.0',
      info: {
        title: 'Hearth API',
        version: '0.1.0',
        description: 'Group therapy programmes for psychiatry services.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
    },
    // Write routes that honour Idempotency-Key list it as a header parameter (documentation only).
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const idempotent = (input.route.config as { idempotent?: boolean } | undefined)?.idempotent === true;
      return idempotent ? { ...out, schema: { ...out.schema, headers: IDEMPOTENCY_HEADER_SCHEMA } } : out;
    },
    // Success and refusal answers, media types, 204s, security and servers: http/openapi.ts.
    transformObject: (document) =>
      finishOpenApiDocument('openapiObject' in document ? document.openapiObject : document.swaggerObject, new Map(app.routeTable.map((route) => [route.id, route.openapi])), {
        publicUrl: config.publicUrl,
        sessionCookie: sessionCookieName(config),
      }),
  });
  // No staticCSP: its built-in policy would replace the app's (frame-ancestors 'self', third-party
  // img-src, upgrade-insecure-requests on plain HTTP). Swagger UI loads only its own files, so the
  // CSP above serves it unchanged.
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.addHook('onRoute', (route) => {
    // API routes come only through registerRoutes, which insists on an access rule.
    const url = route.url ?? '';
    if (url.startsWith('/api/') && !url.startsWith('/api/docs') && !(route.config as { hearthRoute?: boolean } | undefined)?.hearthRoute) {
      throw new Error(`${route.method} ${url} was registered without an access rule`);
    }
  });
  registerRoutes(app, allRoutes);
  // The group space's live socket: frames above 16 KiB get an error frame and the socket stays up;
  // only frames above the HTTP body limit close it (1009), so nobody can make the server buffer more.
  await app.register(fastifyWebsocket, {
    options: { maxPayload: config.bodyLimit },
    // On close, every socket is told 1001 "going away" (the plugin's default closes without a
    // code, which a browser sees as 1005): clients reconnect to another instance and replay.
    preClose(done) {
      for (const client of this.websocketServer.clients) client.close(1001, 'Server shutting down');
      this.websocketServer.close(() => done());
    },
  });
  hub = new SpaceHub(hearth, app.log);
  registerSpaceSocket(app, hub);
  await serveWebApp(app);
  return app;
}

/** Serves the built web app with a single-page fallback; API paths never fall back. */
async function serveWebApp(app: FastifyInstance): Promise<void> {
  const hasBuild = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build writes each file brotli- and gzip-compressed too (vite.config.ts): the one the
      // browser accepts is sent as it is, with no compression work per request.
      preCompressed: true,
      // Files under /assets/ carry a content hash in their name: cached for a year and never
      // revalidated (a new build has new names). index.html and the rest are revalidated.
      cacheControl: false,
      setHeaders(res, filePath) {
        res.header('cache-control', /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // Under the FHIR API (an unknown resource type, say) this is an OperationOutcome.
    if (request.url.startsWith('/api/') || request.method !== 'GET') return sendError(reply, 'not_found', 'There is nothing at this address.');
    if (!hasBuild) {
      return reply.code(503).type('text/plain').send('The web app is not built yet: run `npm run build`.');
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
