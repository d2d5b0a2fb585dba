import type { UseCaseContext } from '../../http/use-case.js';

/** The groups that take referrals (forming or active), by name. */
export async function referralTargets(ctx: UseCaseContext) {
  const rows = await ctx.db
    .selectFrom('therapy_groups as g')
    .innerJoin('programmes as p', 'p.id', 'g.programme_id')
    .select(['g.id', 'g.name', 'g.kind', 'g.status', 'p.name as programme_name'])
    .where('g.status', 'in', ['forming', 'active'])
    .orderBy('g.name')
    .execute();
  return { groups: rows.map((r) => ({ id: r.id, name: r.name, programmeName: r.programme_name, kind: r.kind, status: r.status })) };
}
