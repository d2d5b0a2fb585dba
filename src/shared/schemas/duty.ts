import { z } from 'zod';

/** An ISO instant with an offset or Z, normalised to UTC ("2026-12-03T18:00:00.000Z"). */
export const instantSchema = z.iso
  .datetime({ offset: true, message: 'Use an ISO date-time with a time zone, e.g. 2026-12-03T18:00:00Z.' })
  .transform((v) => new Date(v).toISOString());

const person = z.object({ id: z.uuid(), displayName: z.string() });

/** One dated duty shift. */
export const rotaShiftSchema = z.object({ id: z.uuid(), clinician: person, startsAt: z.string(), endsAt: z.string() });
export type RotaShift = z.infer<typeof rotaShiftSchema>;

export const rotaShiftBodySchema = z
  .strictObject({ clinicianId: z.uuid(), startsAt: instantSchema, endsAt: instantSchema })
  .refine((b) => b.endsAt > b.startsAt, { message: 'A shift must end after it starts.', path: ['endsAt'] });

export const rotaShiftPatchSchema = z
  .strictObject({ clinicianId: z.uuid().optional(), startsAt: instantSchema.optional(), endsAt: instantSchema.optional() })
  .refine((b) => !b.startsAt || !b.endsAt || b.endsAt > b.startsAt, { message: 'A shift must end after it starts.', path: ['endsAt'] });

export const rotaQuerySchema = z.strictObject({ from: instantSchema.optional(), to: instantSchema.optional() });

/** GET /api/rota: the shifts in a window, who is on duty now and the fallback for uncovered time. */
export const rotaSchema = z.object({
  from: z.string(),
  to: z.string(),
  shifts: z.array(rotaShiftSchema),
  onDutyNow: person.nullable(),
  fallback: person.nullable(),
});
export type Rota = z.infer<typeof rotaSchema>;

/** GET /api/rota/gaps: uncovered periods in the next days (alerts then go to the fallback). */
export const rotaGapsSchema = z.object({
  from: z.string(),
  to: z.string(),
  gaps: z.array(z.object({ startsAt: z.string(), endsAt: z.string(), minutes: z.number().int() })),
  fallback: person.nullable(),
});
export type RotaGaps = z.infer<typeof rotaGapsSchema>;

export const deliveryChannelSchema = z.enum(['in_app', 'push', 'email', 'sms']);
export const deliveryStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed']);

/** One delivery attempt of an alert (GET /api/alerts/:alertId/deliveries). */
export const alertDeliverySchema = z.object({
  id: z.uuid(),
  step: z.number().int(),
  recipient: person,
  reason: z.enum(['facilitator', 'duty', 'fallback', 'escalation']).nullable(),
  channel: deliveryChannelSchema,
  status: deliveryStatusSchema,
  error: z.string().nullable(),
  queuedAt: z.string(),
  attemptedAt: z.string().nullable(),
  latencyMs: z.number().int().nullable(),
});
export type AlertDelivery = z.infer<typeof alertDeliverySchema>;
/** GET /api/alerts/:alertId/deliveries. */
export const alertDeliveryListSchema = z.object({ deliveries: z.array(alertDeliverySchema) });
export type AlertDeliveryList = z.infer<typeof alertDeliveryListSchema>;

/** A browser's PushSubscription as `subscription.toJSON()` gives it. */
export const pushSubscriptionBodySchema = z.strictObject({
  endpoint: z.string().max(2000),
  keys: z.strictObject({ p256dh: z.string().max(200), auth: z.string().max(100) }),
  deviceLabel: z.string().trim().max(120).optional(),
});

/** The signed-in clinician's ways of being reached (GET /api/me/alert-delivery). */
export const myDeliverySchema = z.object({
  vapidPublicKey: z.string().nullable(),
  devices: z.array(z.object({ id: z.uuid(), endpointHost: z.string(), deviceLabel: z.string().nullable(), createdAt: z.string(), lastSuccessAt: z.string().nullable() })),
  mobile: z.string().nullable(),
});
export type MyDelivery = z.infer<typeof myDeliverySchema>;

/** Longest mobile number accepted as typed (stored as E.164). */
export const MOBILE_MAX = 40;
export const mobileBodySchema = z.strictObject({ mobile: z.string().trim().max(MOBILE_MAX) });
/**
 * PUT /api/me/mobile: the number as stored (E.164), or null when removed; whether removing it
 * turned text reminders off (they cannot reach anyone without a number).
 */
export const mobileResponseSchema = z.object({ mobile: z.string().nullable(), textRemindersTurnedOff: z.boolean() });
export type MobileResponse = z.infer<typeof mobileResponseSchema>;

/** POST /api/me/push-subscriptions: the new subscription. */
export const pushSubscribedSchema = z.object({ id: z.uuid() });
/** DELETE /api/me/push-subscriptions: which device stops receiving alerts. */
export const pushUnsubscribeBodySchema = z.strictObject({ endpoint: z.string().max(2000) });

/** A text message as the SMS outbox holds it (GET /api/admin/sms). */
export const smsSchema = z.object({ id: z.uuid(), to: z.string(), text: z.string(), createdAt: z.string() });
export type Sms = z.infer<typeof smsSchema>;
/**
 * A reminder text on its way to the SMS gateway: queued (waiting for its next attempt), sending,
 * sent, failed (every attempt refused, or too late for its session) or cancelled (the number
 * removed, the choice withdrawn, the session moved); the gateway's last answer and the attempts.
 */
export const reminderTextSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  text: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'cancelled']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type ReminderText = z.infer<typeof reminderTextSchema>;
/** GET /api/admin/sms: the outbox (no gateway) and the reminder texts sent through the gateway. */
export const smsOutboxSchema = z.object({ messages: z.array(smsSchema), gatewayConfigured: z.boolean(), reminderTexts: z.array(reminderTextSchema) });
export type SmsOutbox = z.infer<typeof smsOutboxSchema>;
