import { z } from 'zod';
import { text } from './common.js';

/** A person or service to contact: private to the participant and their clinicians, so contact details are fine here. */
export const safetyContactSchema = z.strictObject({ name: text(120), contact: text(200, 0).default('') });
export type SafetyContact = z.infer<typeof safetyContactSchema>;

const lines = z.array(text(300)).max(20, 'At most 20 entries.');
const contacts = z.array(safetyContactSchema).max(20, 'At most 20 entries.');

/** The sections of a safety plan (Stanley–Brown), each a short list in the person's own words. */
export const safetyPlanSectionsSchema = z.strictObject({
  warningSigns: lines,
  copingSteps: lines,
  distractions: lines,
  helpContacts: contacts,
  professionals: contacts,
  safeEnvironment: lines,
  reasonsForLiving: lines,
});
export type SafetyPlanSections = z.infer<typeof safetyPlanSectionsSchema>;

export const safetyPlanSchema = safetyPlanSectionsSchema.extend({
  participantId: z.uuid(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.object({ name: z.string(), role: z.enum(['participant', 'clinician', 'admin']) }),
});
export type SafetyPlan = z.infer<typeof safetyPlanSchema>;

/** GET answers the plan, or null with the service's crisis line when none was written yet. */
export const safetyPlanEnvelopeSchema = z.object({ participantId: z.uuid(), plan: safetyPlanSchema.nullable(), crisisLine: z.string(), participantName: z.string().optional() });
export type SafetyPlanEnvelope = z.infer<typeof safetyPlanEnvelopeSchema>;

/** Saving: the whole plan and the version it was edited from (0 for a new plan); a stale base answers 409 with the current plan. */
export const safetyPlanSaveBodySchema = safetyPlanSectionsSchema.extend({ baseVersion: z.number().int().min(0) });
