import { sql } from 'kysely';
import { z } from 'zod';
import { defineRoute } from '../../http/route.js';

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
