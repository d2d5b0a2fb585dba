import { sql } from 'kysely';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { checkReadiness } from './readiness.js';

const startedAt = Date.now();

/** Seconds since this process loaded the health module (its start, near enough). */
function uptimeSeconds(): number {
  return Math.round((Date.now() - startedAt) / 1000);
}

/** `/api/health`: the database answers a trivial query; which database, the version, the uptime and the service. */
export async function health(ctx: Pick<UseCaseContext, 'db' | 'hearth'>) {
  await sql`select 1`.execute(ctx.db);
  return {
    status: 'ok' as const,
    database: ctx.hearth.databaseKind,
    version: process.env.npm_package_version ?? '0.1.0',
    uptimeSeconds: uptimeSeconds(),
    service: { name: ctx.hearth.config.serviceName, demo: ctx.hearth.config.demoSeed },
  };
}

/** Liveness: the process is up and serving; never touches the database. */
export function liveness() {
  return { status: 'live' as const, uptimeSeconds: uptimeSeconds() };
}

/** Readiness: every check of `checkReadiness`, or `not_ready` naming the failed ones. */
export async function readiness(ctx: Pick<UseCaseContext, 'db' | 'hearth'>) {
  const result = await checkReadiness(ctx.db, ctx.hearth);
  if (!result.ready) {
    const details = Object.entries(result.checks)
      .filter(([, c]) => c.status === 'failed')
      .map(([name, c]) => ({ path: `checks.${name}`, message: c.detail ?? 'failed' }));
    throw new AppError('not_ready', 'This instance is not ready to serve.', details);
  }
  return { status: 'ready' as const, checks: result.checks };
}
