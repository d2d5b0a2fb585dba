import { z } from 'zod';
import { idSchema, text, timestampSchema } from './common.js';

export const sessionPlanSchema = z.object({
  id: idSchema,
  position: z.number().int(),
  topic: z.string(),
  skillFocus: z.string(),
  exercises: z.array(z.string()),
  reflectionPrompts: z.array(z.string()),
});

export const agreementSchema = z.object({
  id: idSchema,
  version: z.number().int(),
  body: z.string(),
  createdAt: timestampSchema,
  /** Whether, when this version was made, risk in a member's private journal alerted their care team. */
  journalAlerts: z.boolean(),
  /** What the agreement says about safety between sessions, generated from the service's settings. */
  safetyStatement: z.array(z.string()),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const programmeSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  sessionCount: z.number().int(),
  agreementVersion: z.number().int().nullable(),
});

export const programmeDetailSchema = programmeSummarySchema.extend({
  curriculum: z.array(sessionPlanSchema),
  agreement: agreementSchema.nullable(),
});
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;

const planInput = z.strictObject({
  topic: text(200),
  skillFocus: text(200),
  exercises: z.array(text(1000)).min(1).max(20),
  reflectionPrompts: z.array(text(500)).max(20),
});

export const curriculumBodySchema = z.strictObject({ sessions: z.array(planInput).min(1).max(52) });
export const agreementBodySchema = z.strictObject({ body: text(20_000, 50) });
export const programmeBodySchema = z.strictObject({ name: text(200), description: text(5000) });
