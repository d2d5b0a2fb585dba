import type { UseCaseContext } from '../../http/use-case.js';
import { answeredBy } from '../../policy/alert-responsibles.js';
import { escalateOverdueAlerts } from './raise-alert.js';
import { getSettings } from './settings.js';
import { sourceSummaries } from './sources.js';

const TIER_ORDER = { urgent: 0, concern: 1 } as const;

export type AlertListStatus = 'open' | 'acknowledged' | 'resolved' | 'active';

/**
 * The clinician alert queue: escalates what is overdue first, then lists the alerts the caller
 * answers for, urgent first, then by acknowledgement deadline; audited.
 */
export async function listAlerts(ctx: UseCaseContext, status: AlertListStatus) {
  await escalateOverdueAlerts(ctx.db, ctx.now);
  const me = ctx.principal.userId;
  let q = ctx.db
    .selectFrom('alerts as a')
    .innerJoin('users as u', 'u.id', 'a.participant_id')
    .leftJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .leftJoin('therapy_groups as g', 'g.id', 'a.group_id')
    .leftJoin('users as ack', 'ack.id', 'a.acknowledged_by')
    .selectAll('a')
    .select(['u.display_name', 'e.pseudonym', 'g.name as group_name', 'ack.display_name as ack_name'])
    .where(answeredBy(ctx.db, me))
    .orderBy('a.created_at', 'desc')
    .limit(500);
  q = status === 'active' ? q.where('a.status', 'in', ['open', 'acknowledged']) : q.where('a.status', '=', status);
  const rows = await q.execute();
  const sources = await sourceSummaries(
    ctx.db,
    rows.map((r) => r.id),
  );
  const settings = await getSettings(ctx.db);
  const nowIso = ctx.now.toISOString();
  const alerts = rows
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      tier: r.tier,
      status: r.status,
      summary: r.summary,
      participant: { id: r.participant_id, displayName: r.display_name, pseudonym: r.pseudonym, enrolmentId: r.enrolment_id },
      groupId: r.group_id,
      groupName: r.group_name,
      createdAt: r.created_at,
      sourceCount: sources.get(r.id)?.count ?? 1,
      lastAt: sources.get(r.id)?.lastAt ?? r.created_at,
      ackDueAt: r.ack_due_at,
      overdue: r.status === 'open' && r.ack_due_at <= nowIso,
      acknowledgedAt: r.acknowledged_at,
      acknowledgedBy: r.ack_name,
      resolvedAt: r.resolved_at,
      outcome: r.outcome,
      escalatedToMe: r.escalated_to === me,
      responseMinutes: r.acknowledged_at ? Math.round((Date.parse(r.acknowledged_at) - Date.parse(r.created_at)) / 60_000) : null,
    }))
    .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || a.ackDueAt.localeCompare(b.ackDueAt) || a.createdAt.localeCompare(b.createdAt));
  await ctx.audit({ action: 'alerts.list', detail: { count: alerts.length } });
  return { alerts, targetMinutes: { urgent: Number(settings['alerts.urgent_ack_minutes']), concern: Number(settings['alerts.concern_ack_minutes']) } };
}
