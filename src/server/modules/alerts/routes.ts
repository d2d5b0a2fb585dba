import { facilitatedGroupIds } from '../../policy/membership.js';
import type { ExpressionBuilder } from 'kysely';
import { z } from 'zod';
import { idParams, text } from '../../../shared/schemas/common.js';
import type { DbOrTx } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { alertContactSchema } from '../../../shared/schemas/contacts.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { contactForAlert } from '../contacts/contact-for-alert.js';
import { acknowledgeAlert } from './acknowledge-alert.js';
import { escalateOverdueAlerts } from './raise-alert.js';
import { resolveAlert } from './resolve-alert.js';
import { getSettings, putSetting, SETTING_DEFAULTS, type SettingKey } from './settings.js';
import { sourceSummaries } from './sources.js';

const tags = ['alerts'];
const alertParams = idParams('alertId');
const onAlert: RouteAccess = { kind: 'authenticated', resource: 'alert', action: 'update', objects: { alertId: 'alert' } };
const TIER_ORDER = { urgent: 0, concern: 1 } as const;

/** The unacknowledged alerts a clinician answers for, in numbers only (no names, no text). */
const alertCountSchema = z.object({
  open: z.number().int(),
  urgentOpen: z.number().int(),
  concernOpen: z.number().int(),
  /** Unacknowledged past their acknowledgement target (ack_due_at). */
  overdue: z.number().int(),
  /** The oldest unacknowledged alert: when it was raised and when it should have been acknowledged by. */
  oldest: z.object({ tier: z.enum(['concern', 'urgent']), createdAt: z.string(), ackDueAt: z.string() }).nullable(),
});

const alertSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  tier: z.enum(['concern', 'urgent']),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  summary: z.string(),
  participant: z.object({ id: z.uuid(), displayName: z.string(), pseudonym: z.string().nullable(), enrolmentId: z.uuid().nullable() }),
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  createdAt: z.string(),
  /** How many items (messages, responses, sessions) the alert stands for: a folded alert has several. */
  sourceCount: z.number().int(),
  /** When the latest of them came. */
  lastAt: z.string(),
  ackDueAt: z.string(),
  overdue: z.boolean(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  outcome: z.enum(['false_positive', 'check_in_done', 'safety_plan_reviewed', 'escalated']).nullable(),
  escalatedToMe: z.boolean(),
  responseMinutes: z.number().nullable(),
});

/**
 * Alerts a clinician answers for: in groups they facilitate, about people they referred, or sent
 * to them (on duty, as the fallback, along the rota: alert_recipients).
 */
function responsibleFor(db: DbOrTx, userId: string) {
  const facilitated = facilitatedGroupIds(db, userId);
  const referred = db.selectFrom('enrolments as e2').innerJoin('referrals as r2', 'r2.id', 'e2.referral_id').select('e2.id').where('r2.referred_by', '=', userId);
  const sentToMe = db.selectFrom('alert_recipients').select('alert_id').where('user_id', '=', userId);
  return (eb: ExpressionBuilder<DB & { a: DB['alerts'] }, 'a'>) =>
    eb.or([eb('a.group_id', 'in', facilitated), eb('a.enrolment_id', 'in', referred), eb('a.escalated_to', '=', userId), eb('a.id', 'in', sentToMe)]);
}

export const alertRoutes = [
  defineRoute({
    id: 'alerts.count',
    method: 'GET',
    url: '/api/alerts/count',
    summary: 'How many alerts of mine nobody has acknowledged, by tier, how many are past their acknowledgement target, and the oldest one’s age against its target (the navigation badge and the home banner); no clinical detail, so not audited',
    tags,
    access: { kind: 'authenticated', resource: 'alert', action: 'read' },
    response: { 200: alertCountSchema },
    async handler(_input, ctx) {
      const unacknowledged = () => ctx.db.selectFrom('alerts as a').where('a.status', '=', 'open').where(responsibleFor(ctx.db, ctx.principal.userId));
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
    },
  }),
  defineRoute({
    id: 'alerts.list',
    method: 'GET',
    url: '/api/alerts',
    summary: 'The clinician alert queue: urgent first, then by acknowledgement deadline; with response times and how many items each alert stands for',
    tags,
    access: { kind: 'authenticated', resource: 'alert', action: 'read' },
    query: z.strictObject({ status: z.enum(['open', 'acknowledged', 'resolved', 'active']).default('active') }),
    response: { 200: z.object({ alerts: z.array(alertSchema), targetMinutes: z.object({ urgent: z.number(), concern: z.number() }) }) },
    transaction: true,
    async handler({ query }, ctx) {
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
        .where(responsibleFor(ctx.db, me))
        .orderBy('a.created_at', 'desc')
        .limit(500);
      q = query.status === 'active' ? q.where('a.status', 'in', ['open', 'acknowledged']) : q.where('a.status', '=', query.status);
      const rows = await q.execute();
      const sources = await sourceSummaries(ctx.db, rows.map((r) => r.id));
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
    },
  }),
  defineRoute({
    id: 'alerts.acknowledge',
    method: 'POST',
    url: '/api/alerts/:alertId/acknowledge',
    summary: 'Acknowledge an alert (stops the escalation clock)',
    tags,
    access: onAlert,
    params: alertParams,
    async handler({ params }, ctx) {
      await acknowledgeAlert(ctx, String(params.alertId));
    },
  }),
  defineRoute({
    id: 'alerts.resolve',
    method: 'POST',
    url: '/api/alerts/:alertId/resolve',
    summary: 'Resolve an alert with its outcome',
    tags,
    access: onAlert,
    params: alertParams,
    body: z.strictObject({ outcome: z.enum(['false_positive', 'check_in_done', 'safety_plan_reviewed', 'escalated']), note: text(4000).optional() }),
    async handler({ params, body }, ctx) {
      await resolveAlert(ctx, String(params.alertId), body.outcome, body.note);
    },
  }),
  defineRoute({
    id: 'alerts.contact',
    method: 'GET',
    url: '/api/alerts/:alertId/contact',
    summary: 'How to reach the member an alert is about (phones, preferred contact), for clinicians who may see the member; audited read',
    tags,
    access: { kind: 'authenticated', resource: 'alert', action: 'read', objects: { alertId: 'alert' } },
    params: alertParams,
    response: { 200: z.object({ contact: alertContactSchema.optional() }) },
    transaction: true,
    async handler({ params }, ctx) {
      return contactForAlert(ctx, String(params.alertId));
    },
  }),
  defineRoute({
    id: 'alerts.stats',
    method: 'GET',
    url: '/api/alerts/stats',
    summary: 'Alert outcomes and response times against the service target (false positives counted)',
    tags,
    access: { kind: 'authenticated', resource: 'report', action: 'read' },
    response: {
      200: z.object({
        total: z.number(),
        byOutcome: z.record(z.string(), z.number()),
        medianResponseMinutes: z.number().nullable(),
        withinTarget: z.number().nullable(),
        // Per alert kind (risk_language, measure_item…): outcomes and the false-positive rate among resolved alerts.
        byKind: z.record(z.string(), z.object({ total: z.number(), resolved: z.number(), byOutcome: z.record(z.string(), z.number()), falsePositiveRate: z.number().nullable() })),
      }),
    },
    async handler(_input, ctx) {
      let query = ctx.db.selectFrom('alerts as a').select(['a.kind', 'a.outcome', 'a.created_at', 'a.acknowledged_at', 'a.ack_due_at']);
      // The same alerts the clinician's queue shows: their groups', their referrals' and those escalated to them.
      if (ctx.principal.role !== 'admin') query = query.where(responsibleFor(ctx.db, ctx.principal.userId));
      const rows = await query.execute();
      const byOutcome: Record<string, number> = {};
      for (const r of rows) if (r.outcome) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
      const byKind: Record<string, { total: number; resolved: number; byOutcome: Record<string, number>; falsePositiveRate: number | null }> = {};
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
    },
  }),
  defineRoute({
    id: 'settings.get',
    method: 'GET',
    url: '/api/admin/settings',
    summary: 'Service settings (alert targets, the fallback clinician for rota gaps and the last escalation step)',
    tags: ['admin'],
    access: { kind: 'authenticated', resource: 'settings', action: 'read' },
    response: { 200: z.record(z.string(), z.string()) },
    async handler(_input, ctx) {
      return getSettings(ctx.db);
    },
  }),
  defineRoute({
    id: 'settings.update',
    method: 'PATCH',
    url: '/api/admin/settings',
    summary: 'Change service settings',
    tags: ['admin'],
    access: { kind: 'authenticated', resource: 'settings', action: 'update' },
    body: z.strictObject({
      'alerts.urgent_ack_minutes': z.string().regex(/^[1-9]\d{0,3}$/, 'Use a whole number of minutes, at least 1.').optional(),
      'alerts.concern_ack_minutes': z.string().regex(/^[1-9]\d{0,4}$/, 'Use a whole number of minutes, at least 1.').optional(),
      'alerts.backup_clinician_id': z.union([z.uuid(), z.literal('')]).optional(),
      'alerts.fold_window_minutes': z.string().regex(/^\d{1,4}$/, 'Use a whole number of minutes (0 turns folding off).').optional(),
      'attendance.absence_alert': z.enum(['on', 'off']).optional(),
      'attendance.absence_alert_after': z.string().regex(/^[2-9]$/, 'Use a number of sessions from 2 to 9.').optional(),
      'measures.not_improving_after': z.string().regex(/^\d{1,2}$/).optional(),
      'risk.journal_alerts': z.enum(['true', 'false']).optional(),
    }),
    response: { 200: z.record(z.string(), z.string()) },
    async handler({ body }, ctx) {
      const backup = body['alerts.backup_clinician_id'];
      if (backup) {
        const user = await ctx.db.selectFrom('users').select('role').where('id', '=', backup).where('status', '=', 'active').executeTakeFirst();
        if (user?.role !== 'clinician') throw new AppError('validation_failed', 'The backup must be an active clinician.', [{ path: 'body.alerts.backup_clinician_id', message: 'Not an active clinician.' }]);
      }
      for (const [key, value] of Object.entries(body)) {
        if (value !== undefined && key in SETTING_DEFAULTS) await putSetting(ctx.db, key as SettingKey, value, ctx.principal.userId, ctx.now);
      }
      await ctx.audit({ action: 'settings.update', detail: { keys: Object.keys(body).join(',') } });
      return getSettings(ctx.db);
    },
  }),
];
