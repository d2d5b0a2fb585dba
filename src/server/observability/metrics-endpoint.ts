import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Metrics } from './metrics.js';

const notFound = (reply: FastifyReply) => reply.code(404).send({ error: { code: 'not_found', message: 'There is nothing at this address.', requestId: reply.request.id } });

// Compared as digests, so neither the length nor the content of the token leaks through timing.
const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` (Prometheus text format). With metrics off it answers 404 and no hook is
 * installed, so requests pay nothing. With a token, only `Authorization: Bearer <token>` gets in
 * (401 otherwise). When on, every answered request is counted and timed by its route pattern.
 */
export function registerMetricsEndpoint(app: FastifyInstance, metrics: Metrics | null, token: string | null): void {
  if (metrics) {
    app.addHook('onResponse', async (request, reply) => {
      // The pattern (`/api/goals/:goalId`), never the URL: ids stay out of the labels.
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.requests.inc({ method: request.method, route, status: reply.statusCode });
      metrics.requestSeconds.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });
  }
  const expected = token === null ? null : digest(`Bearer ${token}`);
  app.get('/metrics', async (request, reply) => {
    if (!metrics) return notFound(reply);
    if (expected && !timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ error: { code: 'unauthenticated', message: 'A valid metrics token is needed.', requestId: request.id } });
    }
    const text = await metrics.registry.metrics();
    return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(text);
  });
}
