import type { ErasureList, ErasureReport } from '../../../shared/schemas/data-rights.js';
import type { UseCaseContext } from '../../http/use-case.js';

/** The stored report of a person's erasure (read again, downloaded later), audited; undefined when none was carried out. */
export async function storedErasureReport(ctx: UseCaseContext, userId: string): Promise<ErasureReport | undefined> {
  const row = await ctx.db.selectFrom('erasure_requests').select(['id', 'report']).where('user_id', '=', userId).executeTakeFirst();
  if (!row) return undefined;
  await ctx.audit({ action: 'erasure.report.read', resourceType: 'user', resourceId: userId, detail: { erasure: row.id } });
  return JSON.parse(row.report) as ErasureReport;
}

/** Every erasure carried out, newest first (no personal data: the people are erased). */
export async function listErasures(ctx: UseCaseContext): Promise<ErasureList> {
  const rows = await ctx.db
    .selectFrom('erasure_requests as e')
    .innerJoin('users as a', 'a.id', 'e.requested_by')
    .select(['e.id', 'e.user_id', 'e.reason', 'e.created_at', 'a.display_name'])
    .orderBy('e.created_at', 'desc')
    .execute();
  return { erasures: rows.map((r) => ({ id: r.id, userId: r.user_id, processedBy: r.display_name, processedAt: r.created_at, reason: r.reason })) };
}
