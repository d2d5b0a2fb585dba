import { z } from 'zod';
import { idSchema, text, timestampSchema } from './common.js';

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

export const journalListSchema = z.object({ entries: z.array(journalEntrySchema) });
/** Reflection prompts from the most recent session topic of each of the member's groups. */
export const journalPromptsSchema = z.object({ topics: z.array(z.object({ groupName: z.string(), topic: z.string(), prompts: z.array(z.string()) })) });
export const memberJournalSchema = z.object({ entries: z.array(journalEntrySchema) });
