import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

/** GET /api/me/this-week: everything a participant's home needs, in one answer. */
export const thisWeekSchema = z.object({
  groups: z.array(z.object({ id: idSchema, name: z.string(), pseudonym: z.string() })),
  nextSession: z
    .object({
      id: idSchema,
      groupId: idSchema,
      groupName: z.string(),
      startsAt: timestampSchema,
      endsAt: timestampSchema,
      timezone: z.string(),
      topic: z.string().nullable(),
      status: z.string(),
      location: z.string().nullable(),
      meetingUrl: z.string().nullable(),
    })
    .nullable(),
  dueCheckins: z.array(z.object({ requestId: idSchema, code: z.string(), title: z.string(), shortTitle: z.string(), reason: z.string(), dueAt: timestampSchema })),
  goals: z.array(
    z.object({
      id: idSchema,
      area: z.string(),
      action: z.string(),
      frequency: z.string(),
      targetDate: z.string(),
      visibility: z.enum(['private', 'clinicians', 'group']),
      lastCheckin: z.object({ progress: z.string(), at: timestampSchema }).nullable(),
      nextMilestone: z.string().nullable(),
      milestonesReached: z.number().int(),
      milestonesTotal: z.number().int(),
    }),
  ),
  appreciations: z.object({
    newCount: z.number().int(),
    latest: z.array(z.object({ id: idSchema, fromPseudonym: z.string(), body: z.string(), createdAt: timestampSchema })),
  }),
  strategies: z.object({
    newCount: z.number().int(),
    latest: z.array(z.object({ id: idSchema, groupId: idSchema, title: z.string(), authorPseudonym: z.string(), createdAt: timestampSchema })),
  }),
  celebrations: z.array(z.object({ id: idSchema, groupId: idSchema, pseudonym: z.string(), text: z.string(), createdAt: timestampSchema })),
  openFeedbackRequests: z.number().int(),
});
export type ThisWeek = z.infer<typeof thisWeekSchema>;

/** The facilitator view: what each member chose to share with the group, and how active they are. */
export const memberActivitySchema = z.object({
  enrolmentId: idSchema,
  pseudonym: z.string(),
  displayName: z.string(),
  status: z.string(),
  shared: z.object({
    goals: z.number().int(),
    strategies: z.number().int(),
    appreciationsGiven: z.number().int(),
    appreciationsReceived: z.number().int(),
    feedbackRequests: z.number().int(),
    feedbackReplies: z.number().int(),
    skillsEntries: z.number().int(),
    celebrations: z.number().int(),
    strategyMarks: z.number().int(),
  }),
  /** Items shared or marks given in the last 28 days. */
  recentCount: z.number().int(),
  level: z.enum(['none', 'quiet', 'active']),
  lastActivityAt: timestampSchema.nullable(),
});
export type MemberActivity = z.infer<typeof memberActivitySchema>;

export const groupActivitySchema = z.object({ members: z.array(memberActivitySchema), windowDays: z.number().int() });
