import { z } from 'zod';
import { idSchema, text, timestampSchema } from './common.js';
import { moderationStatusSchema } from './strategies.js';

/** Longest appreciation, feedback request or reply. */
export const FEEDBACK_BODY_MAX = 2000;

/** An appreciation to one or more named peers of the same group, optionally about a session. */
export const sendAppreciationBodySchema = z.strictObject({
  recipientEnrolmentIds: z.array(idSchema).min(1, 'Choose at least one person.').max(20),
  sessionId: idSchema.optional(),
  body: text(FEEDBACK_BODY_MAX),
});
export type SendAppreciationBody = z.infer<typeof sendAppreciationBodySchema>;

/** What sending an appreciation, a request or a reply answers: published now, or held for a facilitator. */
export const feedbackCreatedSchema = z.object({ id: z.uuid(), status: z.enum(['published', 'held']) });
export type FeedbackCreated = z.infer<typeof feedbackCreatedSchema>;

export const appreciationSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  groupName: z.string(),
  fromPseudonym: z.string(),
  toPseudonyms: z.array(z.string()),
  /** "after session 4 — Listening without fixing". */
  sessionLabel: z.string().nullable(),
  body: z.string(),
  status: moderationStatusSchema,
  createdAt: timestampSchema,
  sentByMe: z.boolean(),
  /** Received after the person last opened their appreciations. */
  isNew: z.boolean(),
});
export type Appreciation = z.infer<typeof appreciationSchema>;

export const myAppreciationsSchema = z.object({
  received: z.array(appreciationSchema),
  sent: z.array(appreciationSchema),
  seenAt: timestampSchema.nullable(),
});

export const groupAppreciationsSchema = z.object({ appreciations: z.array(appreciationSchema) });

export const feedbackBodySchema = z.strictObject({ body: text(FEEDBACK_BODY_MAX) });

export const feedbackReplySchema = z.object({
  id: idSchema,
  authorPseudonym: z.string(),
  mine: z.boolean(),
  body: z.string(),
  status: moderationStatusSchema,
  createdAt: timestampSchema,
});

export const feedbackRequestSchema = feedbackReplySchema.extend({
  groupId: idSchema,
  replies: z.array(feedbackReplySchema),
});
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export const feedbackRequestListSchema = z.object({ requests: z.array(feedbackRequestSchema) });

/** Members one can send an appreciation to (current members of the group, oneself excluded). */
export const peerListSchema = z.object({
  peers: z.array(z.object({ enrolmentId: idSchema, pseudonym: z.string() })),
  /** Held sessions of the group, newest first, to say what the appreciation is about. */
  sessions: z.array(z.object({ id: idSchema, label: z.string(), startsAt: timestampSchema })),
});
