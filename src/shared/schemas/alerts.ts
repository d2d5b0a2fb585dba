import { z } from 'zod';
import { calendarEventTitleSchema } from './calendar.js';
import { text } from './common.js';
import { alertContactSchema } from './contacts.js';

// Clinical alerts and the service settings that shape them: the request and response shapes of
// server/modules/alerts/routes.ts. The web infers its types from these.

export const alertTierSchema = z.enum(['concern', 'urgent']);
export type AlertTier = z.infer<typeof alertTierSchema>;
export const alertStatusSchema = z.enum(['open', 'acknowledged', 'resolved']);
export type AlertStatus = z.infer<typeof alertStatusSchema>;
export const alertOutcomeSchema = z.enum(['false_positive', 'check_in_done', 'safety_plan_reviewed', 'escalated']);
export type AlertOutcome = z.infer<typeof alertOutcomeSchema>;

/** Longest note a clinician may leave when resolving an alert. */
export const ALERT_NOTE_MAX = 4000;

/** The unacknowledged alerts a clinician answers for, in numbers only (no names, no text). */
export const alertCountSchema = z.object({
  open: z.number().int(),
  urgentOpen: z.number().int(),
  concernOpen: z.number().int(),
  /** Unacknowledged past their acknowledgement target (ack_due_at). */
  overdue: z.number().int(),
  /** The oldest unacknowledged alert: when it was raised and when it should have been acknowledged by. */
  oldest: z.object({ tier: alertTierSchema, createdAt: z.string(), ackDueAt: z.string() }).nullable(),
});
export type AlertCount = z.infer<typeof alertCountSchema>;

/** One alert in GET /api/alerts. */
export const alertSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  tier: alertTierSchema,
  status: alertStatusSchema,
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
  outcome: alertOutcomeSchema.nullable(),
  escalatedToMe: z.boolean(),
  responseMinutes: z.number().nullable(),
});
export type ClinicalAlert = z.infer<typeof alertSchema>;

export const alertListQuerySchema = z.strictObject({ status: z.enum(['open', 'acknowledged', 'resolved', 'active']).default('active') });
export type AlertFilter = z.infer<typeof alertListQuerySchema>['status'];
export const alertListResponseSchema = z.object({ alerts: z.array(alertSchema), targetMinutes: z.object({ urgent: z.number(), concern: z.number() }) });
export type AlertList = z.infer<typeof alertListResponseSchema>;

/** GET /api/alerts/:alertId/contact: how to reach the member, when the clinician may see them. */
export const alertContactResponseSchema = z.object({ contact: alertContactSchema.optional() });
export type AlertContactResponse = z.infer<typeof alertContactResponseSchema>;

/** POST /api/alerts/:alertId/resolve. */
export const alertResolveBodySchema = z.strictObject({ outcome: alertOutcomeSchema, note: text(ALERT_NOTE_MAX).optional() });

/** GET /api/alerts/stats. withinTarget is a fraction 0–1; byOutcome is keyed by AlertOutcome. */
export const alertStatsSchema = z.object({
  total: z.number(),
  byOutcome: z.record(z.string(), z.number()),
  medianResponseMinutes: z.number().nullable(),
  withinTarget: z.number().nullable(),
  // Per alert kind (risk_language, measure_item…): outcomes and the false-positive rate among resolved alerts.
  byKind: z.record(z.string(), z.object({ total: z.number(), resolved: z.number(), byOutcome: z.record(z.string(), z.number()), falsePositiveRate: z.number().nullable() })),
});
export type AlertStats = z.infer<typeof alertStatsSchema>;

/** GET/PATCH /api/admin/settings: every value is a string on the wire. */
export const settingsSchema = z.record(z.string(), z.string());
/** PATCH /api/admin/settings: the settings that may be changed, each checked. */
export const settingsUpdateBodySchema = z.strictObject({
  'alerts.urgent_ack_minutes': z
    .string()
    .regex(/^[1-9]\d{0,3}$/, 'Use a whole number of minutes, at least 1.')
    .optional(),
  'alerts.concern_ack_minutes': z
    .string()
    .regex(/^[1-9]\d{0,4}$/, 'Use a whole number of minutes, at least 1.')
    .optional(),
  'alerts.backup_clinician_id': z.union([z.uuid(), z.literal('')]).optional(),
  'alerts.fold_window_minutes': z
    .string()
    .regex(/^\d{1,4}$/, 'Use a whole number of minutes (0 turns folding off).')
    .optional(),
  'attendance.absence_alert': z.enum(['on', 'off']).optional(),
  'attendance.absence_alert_after': z
    .string()
    .regex(/^[2-9]$/, 'Use a number of sessions from 2 to 9.')
    .optional(),
  'measures.not_improving_after': z
    .string()
    .regex(/^\d{1,2}$/)
    .optional(),
  'risk.journal_alerts': z.enum(['true', 'false']).optional(),
  'calendar.event_title': calendarEventTitleSchema.optional(),
  'calendar.default_privacy': z.enum(['discreet', 'full']).optional(),
});
/** Every changeable setting, as the settings page holds them. */
export type ServiceSettings = Required<z.infer<typeof settingsUpdateBodySchema>>;
