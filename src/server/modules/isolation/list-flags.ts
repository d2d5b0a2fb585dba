import { sql, type SqlBool } from 'kysely';
import { ISOLATION_WINDOW_DAYS } from '../../../shared/schemas/isolation.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { facilitatedGroupIds } from '../../policy/membership.js';
import { flagRows, presentFlags } from './presenters.js';
import { readThresholds } from './thresholds.js';

/** The isolation early warning of one group, for its facilitators: open flags, recent decisions, thresholds; audited. */
export async function groupIsolationFlags(ctx: UseCaseContext, groupId: string) {
  const result = await flagsWhere(ctx, (q) => q.where('f.group_id', '=', groupId));
  await ctx.audit({ action: 'isolation.read', resourceType: 'group', resourceId: groupId, groupId, detail: { flags: result.flags.length } });
  return result;
}

/** The facilitator home: open flags in every group the caller facilitates; audited. */
export async function myIsolationFlags(ctx: UseCaseContext) {
  const groups = facilitatedGroupIds(ctx.db, ctx.principal.userId);
  const result = await flagsWhere(ctx, (q) => q.where(sql<SqlBool>`f.group_id in (${groups})`));
  await ctx.audit({ action: 'isolation.read', detail: { flags: result.flags.length } });
  return result;
}

async function flagsWhere(ctx: UseCaseContext, narrow: (q: ReturnType<typeof flagRows>) => ReturnType<typeof flagRows>) {
  const recent = new Date(ctx.now.getTime() - ISOLATION_WINDOW_DAYS * 86_400_000).toISOString();
  const [open, decided, lastRun, thresholds] = await Promise.all([
    narrow(flagRows(ctx.db)).where('f.status', '=', 'open').execute(),
    narrow(flagRows(ctx.db)).where('f.status', 'in', ['reached_out', 'dismissed']).where('f.decided_at', '>=', recent).execute(),
    ctx.db.selectFrom('isolation_runs').select('day').orderBy('day', 'desc').limit(1).executeTakeFirst(),
    readThresholds(ctx.db),
  ]);
  decided.sort((a, b) => (b.decided_at ?? '').localeCompare(a.decided_at ?? ''));
  return {
    flags: await presentFlags(ctx.db, open, ctx.now),
    decided: await presentFlags(ctx.db, decided, ctx.now),
    lastRunDay: lastRun?.day ?? null,
    thresholds,
  };
}
