import { z } from 'zod';

// Health, liveness and readiness (server/modules/health/routes.ts): public, no sign-in.

/** GET /api/health: liveness and database reachability. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
  uptimeSeconds: z.number(),
  service: z.object({ name: z.string(), demo: z.boolean() }),
});
export type Health = z.infer<typeof healthSchema>;

/** GET /api/health/live: the process is up (never touches the database). */
export const livenessSchema = z.object({ status: z.literal('live'), uptimeSeconds: z.number() });

/** GET /api/health/ready: each check's outcome (503 not_ready otherwise). */
export const readinessSchema = z.object({
  status: z.literal('ready'),
  checks: z.record(z.string(), z.object({ status: z.enum(['ok', 'skipped', 'failed']), detail: z.string().optional() })),
});
