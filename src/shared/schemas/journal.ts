import { z } from 'zod';
import { idSchema, text, timestampSchema } from './common.js';
import { riskKindSchema, riskTierSchema } from './moderation.js';
import { safetyPlanSchema } from './safety-plans.js';

export const journalBodySchema = z.strictObject({
  prompt: text(500).nullable().default(null),
  body: text(10_000),
});
export const journalShareBodySchema = z.strictObject({ shareWithClinician: z.boolean() });

export const journalEntrySchema = z.object({
  id: idSchema,
  prompt: z.string().nullable(),
  body: z.string(),
  sharedWithClinicianAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/**
 * After writing or rewriting an entry in which risk was noticed: help for the author (their own
 * safety plan and the crisis line; the emergency and safeguarding numbers when someone is in
 * danger), and whether the care team was told (only where the service turned journal alerts on).
 */
export const journalSupportSchema = z.object({
  tier: riskTierSchema,
  kind: riskKindSchema,
  explanation: z.array(z.string()),
  safetyPlan: safetyPlanSchema.nullable(),
  crisisLine: z.string(),
  danger: z.object({ emergencyNumber: z.string(), safeguardingLine: z.string() }).nullable(),
  careTeamTold: z.boolean(),
});
export const journalWriteResponseSchema = journalEntrySchema.extend({ support: journalSupportSchema.nullable() });
export type JournalWriteResponse = z.infer<typeof journalWriteResponseSchema>;

export const journalListSchema = z.object({
  entries: z.array(journalEntrySchema),
  /** Whether this service alerts the care team when an entry suggests danger (the group agreement says so too). */
  careTeamAlertsOnRisk: z.boolean(),
});
/** Reflection prompts from the most recent session topic of each of the member's groups. */
export const journalPromptsSchema = z.object({ topics: z.array(z.object({ groupName: z.string(), topic: z.string(), prompts: z.array(z.string()) })) });
export const memberJournalSchema = z.object({ entries: z.array(journalEntrySchema) });
