import type { UseCaseContext } from '../../http/use-case.js';
import { answeredBy } from '../../policy/alert-responsibles.js';

/** The unacknowledged alerts the caller answers for, in numbers only (no names, no text). */
export async function alertCount(ctx: UseCaseContext) {
  const unacknowledged = () => ctx.db.selectFrom('alerts as a').where('a.status', '=', 'open').where(answeredBy(ctx.db, ctx.principal.userId));
  const [rows, overdue, oldest] = await Promise.all([
    unacknowledged()
      .select(['a.tier', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('a.tier')
      .execute(),
    unacknowledged()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.ack_due_at', '<=', ctx.now.toISOString())
      .executeTakeFirst(),
    unacknowledged().select(['a.tier', 'a.created_at', 'a.ack_due_at']).orderBy('a.created_at').orderBy('a.id').limit(1).executeTakeFirst(),
  ]);
  const count = (tier?: string) => rows.filter((r) => !tier || r.tier === tier).reduce((sum, r) => sum + Number(r.n), 0);
  return {
    open: count(),
    urgentOpen: count('urgent'),
    concernOpen: count('concern'),
    overdue: Number(overdue?.n ?? 0),
    oldest: oldest ? { tier: oldest.tier, createdAt: oldest.created_at, ackDueAt: oldest.ack_due_at } : null,
  };
}
