import type { UseCaseContext } from '../../http/use-case.js';
import { answeredBy } from '../../policy/alert-responsibles.js';

interface KindStats {
  total: number;
  resolved: number;
  byOutcome: Record<string, number>;
  falsePositiveRate: number | null;
}

/** Alert outcomes and response times against the acknowledgement target, overall and per alert kind. */
export async function alertStats(ctx: UseCaseContext) {
  let query = ctx.db.selectFrom('alerts as a').select(['a.kind', 'a.outcome', 'a.created_at', 'a.acknowledged_at', 'a.ack_due_at']);
  // The same alerts the clinician's queue shows (policy/alert-responsibles.ts); an administrator's figures are the service's.
  if (ctx.principal.role !== 'admin') query = query.where(answeredBy(ctx.db, ctx.principal.userId));
  const rows = await query.execute();
  const byOutcome: Record<string, number> = {};
  for (const r of rows) if (r.outcome) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
  const byKind: Record<string, KindStats> = {};
  for (const r of rows) {
    const k = (byKind[r.kind] ??= { total: 0, resolved: 0, byOutcome: {}, falsePositiveRate: null });
    k.total++;
    if (r.outcome) {
      k.resolved++;
      k.byOutcome[r.outcome] = (k.byOutcome[r.outcome] ?? 0) + 1;
    }
  }
  for (const k of Object.values(byKind)) k.falsePositiveRate = k.resolved ? (k.byOutcome.false_positive ?? 0) / k.resolved : null;
  const acked = rows.filter((r) => r.acknowledged_at);
  const minutes = acked.map((r) => (Date.parse(r.acknowledged_at ?? '') - Date.parse(r.created_at)) / 60_000).sort((a, b) => a - b);
  const median = minutes.length ? (minutes[Math.floor((minutes.length - 1) / 2)] ?? null) : null;
  return {
    total: rows.length,
    byOutcome,
    medianResponseMinutes: median === null ? null : Math.round(median),
    withinTarget: acked.length ? acked.filter((r) => (r.acknowledged_at ?? '') <= r.ack_due_at).length / acked.length : null,
    byKind,
  };
}
