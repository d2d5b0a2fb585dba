import { z } from 'zod';
import { text } from './common.js';
import { safetyPlanSchema } from './safety-plans.js';

export const contentKindSchema = z.enum(['post', 'message', 'appreciation', 'feedback_request', 'strategy', 'celebration', 'goal', 'skill_practice']);
/** Every kind of item a member writes for their group (the server registers each in moderation/kinds.ts). */
export type ContentKind = z.infer<typeof contentKindSchema>;
export const riskTierSchema = z.enum(['none', 'concern', 'urgent']);
/** Whose safety: the writer's, somebody the writer threatens, or the writer's from somebody else. */
export const riskKindSchema = z.enum(['none', 'self_harm', 'harm_to_others', 'being_harmed']);
export const watchedPhraseActionSchema = z.enum(['block', 'hold', 'flag', 'redact']);
export const moderationModeSchema = z.enum(['pre', 'post']);

/** How many texts one previewed item may have (a strategy has three: title, when it helps, steps). */
export const PREVIEW_MAX_FIELDS = 4;
/**
 * What would be sent: one text (`text`), or an item's texts by field (`fields`, e.g. a new
 * thread's { title, text }), and its kind (a post by default).
 */
export const previewBodySchema = z
  .strictObject({
    groupId: z.uuid(),
    kind: contentKindSchema.optional(),
    text: text(4000).optional(),
    fields: z.record(z.string().regex(/^[a-zA-Z]{1,30}$/), text(4000)).optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.fields === undefined), { message: 'Send either text or fields.', path: ['text'] })
  .refine((b) => !b.fields || (Object.keys(b.fields).length >= 1 && Object.keys(b.fields).length <= PREVIEW_MAX_FIELDS), {
    message: `One to ${PREVIEW_MAX_FIELDS} fields.`,
    path: ['fields'],
  });
export type PreviewBody = z.input<typeof previewBodySchema>;
export const previewResponseSchema = z.object({
  risk: z.object({ tier: riskTierSchema, kind: riskKindSchema, explanation: z.array(z.string()) }),
  /** Would be refused on sending: what was found and why. */
  contactDetails: z.object({ kind: z.enum(['email', 'phone', 'social_handle']), message: z.string() }).nullable(),
  blockedPhrase: z.boolean(),
  /** The author's own plan when risk language was noticed and they have one. */
  safetyPlan: safetyPlanSchema.nullable(),
  /** Always there: the service's crisis line. */
  crisisLine: z.string(),
  /** When someone is in danger from the author or the author from someone: the emergency number and the safeguarding line (instead of the safety plan). */
  danger: z.object({ emergencyNumber: z.string(), safeguardingLine: z.string() }).nullable(),
});
export type PreviewResponse = z.infer<typeof previewResponseSchema>;

export const watchedPhraseSchema = z.object({
  id: z.uuid(),
  phrase: z.string(),
  action: watchedPhraseActionSchema,
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WatchedPhraseView = z.infer<typeof watchedPhraseSchema>;
/** GET /api/admin/watched-phrases. */
export const watchedPhraseListSchema = z.object({ phrases: z.array(watchedPhraseSchema) });
/** Longest watched phrase, and the note colleagues read beside it. */
export const WATCHED_PHRASE_MAX = 100;
export const WATCHED_PHRASE_NOTE_MAX = 500;
export const watchedPhraseBodySchema = z.strictObject({
  phrase: text(WATCHED_PHRASE_MAX, 2),
  action: watchedPhraseActionSchema,
  note: text(WATCHED_PHRASE_NOTE_MAX, 0).optional(),
});
export const watchedPhrasePatchSchema = z.strictObject({ action: watchedPhraseActionSchema.optional(), note: text(WATCHED_PHRASE_NOTE_MAX, 0).optional() });

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:MM, e.g. 09:00.');
export const staffedPeriodSchema = z
  .strictObject({ weekday: z.number().int().min(1).max(7), start: time, end: time })
  .refine((p) => p.start < p.end, { message: 'The end must be after the start (a period cannot cross midnight: add two).', path: ['end'] });
export const groupModerationSchema = z.object({
  moderationMode: moderationModeSchema,
  staffedHours: z.array(z.object({ weekday: z.number(), start: z.string(), end: z.string() })),
  timezone: z.string(),
  staffedNow: z.boolean(),
});
export type GroupModeration = z.infer<typeof groupModerationSchema>;
export const groupModerationBodySchema = z.strictObject({
  moderationMode: moderationModeSchema.optional(),
  staffedHours: z.array(staffedPeriodSchema).max(28).optional(),
});

export const moderationLogEntrySchema = z.object({ action: z.string(), reason: z.string(), byFacilitator: z.boolean(), at: z.string() });
export const queueItemSchema = z.object({
  kind: contentKindSchema,
  kindLabel: z.string(),
  id: z.uuid(),
  groupId: z.uuid(),
  groupName: z.string(),
  author: z.object({ id: z.uuid(), pseudonym: z.string().nullable(), displayName: z.string() }),
  text: z.string(),
  /** Whether a clinician may edit the text before releasing it (single-text kinds). */
  editable: z.boolean(),
  status: z.string(),
  createdAt: z.string(),
  riskTier: riskTierSchema,
  log: z.array(moderationLogEntrySchema),
});
export type QueueItem = z.infer<typeof queueItemSchema>;
export const queueResponseSchema = z.object({ held: z.array(queueItemSchema), flagged: z.array(queueItemSchema) });

export const myItemSchema = z.object({
  kind: contentKindSchema,
  kindLabel: z.string(),
  id: z.uuid(),
  groupName: z.string(),
  text: z.string(),
  status: z.string(),
  createdAt: z.string(),
  log: z.array(moderationLogEntrySchema),
});
export type MyItem = z.infer<typeof myItemSchema>;
/** GET /api/moderation/mine: my own held or refused items. */
export const myItemListSchema = z.object({ items: z.array(myItemSchema) });
export type MyItemList = z.infer<typeof myItemListSchema>;

/** Approve (release): optionally with the text as a clinician edited it before the group sees it. */
/** The reason code of a participant's item held because its words were urgent: their care team reads it first. */
export const RISK_URGENT_REASON = 'risk_urgent';

/** Longest reason a moderator gives the author, and text a moderator edits before release. */
export const MODERATION_REASON_MAX = 500;
export const MODERATION_EDIT_MAX = 4000;
export const decisionBodySchema = z.strictObject({ reason: text(MODERATION_REASON_MAX, 0).optional(), text: text(MODERATION_EDIT_MAX, 1).optional() });
export const rejectBodySchema = z.strictObject({ reason: text(MODERATION_REASON_MAX, 3) });
/** POST /api/moderation/items/:itemId/approve|reject: the item's status afterwards. */
export const decisionResultSchema = z.object({ status: z.string() });
export type DecisionResult = z.infer<typeof decisionResultSchema>;

/** The item behind an alert, for the clinician's alert card: its text, the rules that fired, recent history in the group. */
export const alertContextSchema = z.object({
  /** The first item behind the alert (alerts.source_id). A folded alert has more: see sources. */
  item: z.object({ kind: z.string(), kindLabel: z.string(), id: z.string(), text: z.string(), status: z.string(), createdAt: z.string() }).nullable(),
  risk: z.object({ tier: riskTierSchema, kind: riskKindSchema, explanation: z.array(z.string()) }).nullable(),
  /**
   * Every item behind the alert, oldest first, each with its own tier and (risk alerts) the rules
   * that fired: one card per situation, however many messages it took. text and status are null
   * when the item is gone.
   */
  sources: z.array(
    z.object({
      kind: z.string(),
      kindLabel: z.string(),
      id: z.string(),
      tier: z.enum(['concern', 'urgent']),
      createdAt: z.string(),
      text: z.string().nullable(),
      status: z.string().nullable(),
      explanation: z.array(z.string()),
    }),
  ),
  history: z.array(z.object({ kind: z.string(), kindLabel: z.string(), id: z.string(), text: z.string(), status: z.string(), createdAt: z.string() })),
  hasSafetyPlan: z.boolean(),
});
export type AlertContext = z.infer<typeof alertContextSchema>;
