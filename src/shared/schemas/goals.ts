import { z } from 'zod';
import { idSchema, text, timestampSchema } from './common.js';

/** Life areas a goal can be about (the wizard's first question). */
export const goalAreas = ['connection', 'wellbeing', 'daily_life', 'activity', 'work_study', 'other'] as const;
export const goalAreaSchema = z.enum(goalAreas);
export const goalVisibilitySchema = z.enum(['private', 'clinicians', 'group']);
export type GoalVisibility = z.infer<typeof goalVisibilitySchema>;
/** Check-in progress in words, never a score: nothing here reads as failure. */
export const goalProgressSchema = z.enum(['not_yet', 'some', 'most', 'done']);
export const moderationStatusSchema = z.enum(['published', 'held', 'rejected', 'removed']);
/** How much a celebration card says: that a milestone was reached, its title, or the title and a note. */
export const celebrationDetailSchema = z.enum(['reached', 'title', 'title_note']);
/** The only reactions there are: supportive ones. */
export const supportiveReactions = ['clap', 'heart', 'growing', 'proud'] as const;
export const supportiveReactionSchema = z.enum(supportiveReactions);
export type SupportiveReaction = z.infer<typeof supportiveReactionSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-31.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Not a real date.');

/** Length limits of what a member writes about a goal (body schemas and the web's inputs). */
export const GOAL_ACTION_MAX = 300;
export const GOAL_FREQUENCY_MAX = 120;
/** Support needed, check-in notes and the note on reaching a step. */
export const GOAL_NOTE_MAX = 500;
export const MILESTONE_TITLE_MAX = 200;
export const CELEBRATION_NOTE_MAX = 300;

export const goalCreateBodySchema = z.strictObject({
  area: goalAreaSchema,
  action: text(GOAL_ACTION_MAX),
  frequency: text(GOAL_FREQUENCY_MAX),
  targetDate: isoDate,
  supportNeeded: text(GOAL_NOTE_MAX, 0).default(''),
  milestones: z.array(text(MILESTONE_TITLE_MAX)).max(10, 'At most 10 steps.').default([]),
  /** The group (enrolment) the goal belongs to; defaults to the member's current group. */
  enrolmentId: idSchema.optional(),
});
export type GoalCreateBody = z.input<typeof goalCreateBodySchema>;

export const checkinBodySchema = z.strictObject({ progress: goalProgressSchema, note: text(GOAL_NOTE_MAX, 0).default('') });
export const milestoneBodySchema = z.strictObject({ title: text(MILESTONE_TITLE_MAX) });
export const reachMilestoneBodySchema = z.strictObject({ note: text(GOAL_NOTE_MAX, 0).default('') });
export const goalStatusSchema = z.enum(['active', 'achieved', 'closed']);
export const goalStatusBodySchema = z.strictObject({ status: goalStatusSchema });
export const goalShareBodySchema = z.strictObject({ visibility: goalVisibilitySchema });
export const audienceQuerySchema = z.strictObject({ visibility: z.enum(['clinicians', 'group']) });
export const celebrateBodySchema = z.strictObject({ detail: celebrationDetailSchema, note: text(CELEBRATION_NOTE_MAX, 0).default('') });
export const reactionBodySchema = z.strictObject({ reaction: supportiveReactionSchema });

export const reactionSummarySchema = z.object({
  reaction: supportiveReactionSchema,
  count: z.number().int(),
  mine: z.boolean(),
  /** Pseudonyms of who reacted, for the author to read; never a ranking. */
  by: z.array(z.string()),
});
/** POST/DELETE …/reactions (celebrations and shared practice): the item's reactions afterwards. */
export const reactionListSchema = z.object({ reactions: z.array(reactionSummarySchema) });
export type ReactionList = z.infer<typeof reactionListSchema>;

export const celebrationSchema = z.object({
  id: idSchema,
  detail: celebrationDetailSchema,
  note: z.string().nullable(),
  moderationStatus: moderationStatusSchema,
  withdrawnAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  reactions: z.array(reactionSummarySchema),
});

export const milestoneSchema = z.object({
  id: idSchema,
  position: z.number().int(),
  title: z.string(),
  reachedAt: timestampSchema.nullable(),
  reachedNote: z.string().nullable(),
  celebration: celebrationSchema.nullable(),
});

export const checkinSchema = z.object({ id: idSchema, progress: goalProgressSchema, note: z.string(), createdAt: timestampSchema });

export const goalSchema = z.object({
  id: idSchema,
  area: goalAreaSchema,
  action: z.string(),
  frequency: z.string(),
  targetDate: z.string(),
  supportNeeded: z.string(),
  visibility: goalVisibilitySchema,
  group: z.object({ id: idSchema, name: z.string(), enrolmentId: idSchema, pseudonym: z.string() }).nullable(),
  /** Moderation state while shared with the group (held = only you and the facilitators see it yet). */
  moderationStatus: moderationStatusSchema.nullable(),
  status: goalStatusSchema,
  milestones: z.array(milestoneSchema),
  checkins: z.array(checkinSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Goal = z.infer<typeof goalSchema>;

export const goalListSchema = z.object({ goals: z.array(goalSchema) });

/** Exactly who would see a goal at a visibility: clinicians by name, group members by pseudonym. */
export const audienceSchema = z.object({
  visibility: z.enum(['clinicians', 'group']),
  clinicians: z.array(z.object({ name: z.string(), relation: z.enum(['facilitator', 'referrer']) })),
  group: z.object({ name: z.string(), memberCount: z.number().int(), pseudonyms: z.array(z.string()) }).nullable(),
});
export type Audience = z.infer<typeof audienceSchema>;

/** One item in a group's shared space: a shared goal, a celebration card, a shared practice entry. */
export const sharedItemSchema = z.object({
  kind: z.enum(['goal', 'celebration', 'skill_practice']),
  id: idSchema,
  author: z.string(),
  mine: z.boolean(),
  createdAt: timestampSchema,
  moderationStatus: moderationStatusSchema,
  /** The headline the author chose to share (goal action, milestone title or skill). */
  title: z.string().nullable(),
  body: z.string().nullable(),
  detail: celebrationDetailSchema.nullable(),
  rating: z.number().int().nullable(),
  /** A shared goal's target date (YYYY-MM-DD). */
  dueDate: z.string().nullable(),
  reactions: z.array(reactionSummarySchema).nullable(),
});
export type SharedItem = z.infer<typeof sharedItemSchema>;
export const sharedFeedSchema = z.object({ groupName: z.string(), items: z.array(sharedItemSchema) });

/** A member's goals as one of their clinicians may see them (shared with clinicians or the group). */
export const memberGoalsSchema = z.object({ goals: z.array(goalSchema.omit({ group: true }).extend({ groupName: z.string().nullable() })) });
