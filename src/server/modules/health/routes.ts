import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { defineRoute } from '../../http/route.js';
import { checkReadiness } from './readiness.js';

const startedAt = Date.now();

export const healthRoutes = [
  defineRoute({
    id: 'health',
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and database reachability',
    tags: ['system'],
    access: { kind: 'public' },
    response: {
      200: z.object({
        status: z.literal('ok'),
        database: z.enum(['sqlite', 'postgres']),
        version: z.string(),
        uptimeSeconds: z.number(),
        service: z.object({ name: z.string(), demo: z.boolean() }),
      }),
    },
    async handler(_input, ctx) {
      await sql`select 1`.execute(ctx.db);
      return {
        status: 'ok' as const,
        database: ctx.hearth.databaseKind,
        version: process.env.npm_package_version ?? '0.1.0',
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        service: { name: ctx.hearth.config.serviceName, demo: ctx.hearth.config.demoSeed },
      };
    },
  }),
  defineRoute({
    id: 'health.live',
    method: 'GET',
    url: '/api/health/live',
    summary: 'Liveness: the process is up and serving (never touches the database)',
    tags: ['system'],
    access: { kind: 'public' },
    response: { 200: z.object({ status: z.literal('live'), uptimeSeconds: z.number() }) },
    async handler() {
      return { status: 'live' as const, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
    },
  }),
  defineRoute({
    id: 'health.ready',
    method: 'GET',
    url: '/api/health/ready',
    summary: 'Readiness: database reachable and writable, migrations current, disk space above the threshold (503 not_ready otherwise)',
    tags: ['system'],
    access: { kind: 'public' },
    response: {
      200: z.object({
        status: z.literal('ready'),
        checks: z.record(z.string(), z.object({ status: z.enum(['ok', 'skipped', 'failed']), detail: z.string().optional() })),
      }),
    },
    async handler(_input, ctx) {
      const readiness = await checkReadiness(ctx.db, ctx.hearth);
      if (!readiness.ready) {
        const details = Object.entries(readiness.checks)
          .filter(([, c]) => c.status === 'failed')
          .map(([name, c]) => ({ path: `checks.${name}`, message: c.detail ?? 'failed' }));
        throw new AppError('not_ready', 'This instance is not ready to serve.', details);
      }
      return { status: 'ready' as const, checks: readiness.checks };
    },
  }),
  defineRoute({
    id: 'openapi',
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This API as an OpenAPI 3 document',
    tags: ['system'],
    access: { kind: 'public' },
    async handler(_input, ctx) {
      return ctx.request.server.swagger();
    },
  }),
];
