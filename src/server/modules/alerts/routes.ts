import { z } from 'zod';
import { idParams, text } from '../../../shared/schemas/common.js';
import { alertContactSchema } from '../../../shared/schemas/contacts.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { contactForAlert } from '../contacts/contact-for-alert.js';
import { acknowledgeAlert } from './acknowledge-alert.js';
import { alertCount } from './alert-count.js';
import { alertStats } from './alert-stats.js';
import { listAlerts } from './list-alerts.js';
import { resolveAlert } from './resolve-alert.js';
import { calendarEventTitleSchema } from '../../../shared/schemas/calendar.js';
import { getSettings } from './settings.js';
import { updateSettings } from './update-settings.js';

const tags = ['alerts'];
const alertParams = idParams('alertId');
const onAlert: RouteAccess = { kind: 'authenticated', resource: 'alert', action: 'update', objects: { alertId: 'alert' } };

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
      return alertCount(ctx);
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
      return listAlerts(ctx, query.status);
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
      await acknowledgeAlert(ctx, params.alertId);
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
      await resolveAlert(ctx, params.alertId, body.outcome, body.note);
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
      return contactForAlert(ctx, params.alertId);
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
      return alertStats(ctx);
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
      'calendar.event_title': calendarEventTitleSchema.optional(),
    }),
    response: { 200: z.record(z.string(), z.string()) },
    async handler({ body }, ctx) {
      return updateSettings(ctx, body);
    },
  }),
];
