import { healthSchema, livenessSchema, readinessSchema } from '../../../shared/schemas/health.js';
import { defineRoute } from '../../http/route.js';
import { health, liveness, readiness } from './health-check.js';

export const healthRoutes = [
  defineRoute({
    id: 'health',
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and database reachability',
    tags: ['system'],
    access: { kind: 'public' },
    response: { 200: healthSchema },
    async handler(_input, ctx) {
      return health(ctx);
    },
  }),
  defineRoute({
    id: 'health.live',
    method: 'GET',
    url: '/api/health/live',
    summary: 'Liveness: the process is up and serving (never touches the database)',
    tags: ['system'],
    access: { kind: 'public' },
    response: { 200: livenessSchema },
    async handler() {
      return liveness();
    },
  }),
  defineRoute({
    id: 'health.ready',
    method: 'GET',
    url: '/api/health/ready',
    summary: 'Readiness: database reachable and writable, migrations current, disk space above the threshold (503 not_ready otherwise)',
    tags: ['system'],
    access: { kind: 'public' },
    response: { 200: readinessSchema },
    errors: ['not_ready'],
    async handler(_input, ctx) {
      return readiness(ctx);
    },
  }),
  defineRoute({
    id: 'openapi',
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This API as an OpenAPI 3 document',
    tags: ['system'],
    access: { kind: 'public' },
    produces: { 'application/json': 'An OpenAPI 3.1 document' },
    async handler(_input, ctx) {
      return ctx.request.server.swagger();
    },
  }),
];
