import { z } from 'zod';
import { idSchema, text, timestampSchema } from './common.js';
import { moderationStatusSchema } from './goals.js';

export const practiceBodySchema = z.strictObject({
  /** A skill from the curriculum of one of the member's groups. */
  skill: text(200),
  situation: text(1000),
  tried: text(1000),
  rating: z.number().int().min(1, 'From 1 to 5.').max(5, 'From 1 to 5.'),
  shareWithGroup: z.boolean().default(false),
});
export const practiceShareBodySchema = z.strictObject({ share: z.boolean() });

export const practiceSchema = z.object({
  id: idSchema,
  skill: z.string(),
  situation: z.string(),
  tried: z.string(),
  rating: z.number().int(),
  sharedWith: z.string().nullable(),
  moderationStatus: moderationStatusSchema.nullable(),
  createdAt: timestampSchema,
});
export type Practice = z.infer<typeof practiceSchema>;

export const practiceListSchema = z.object({
  entries: z.array(practiceSchema),
  /** The curriculum's skills, in session order, with the topic each belongs to. */
  skills: z.array(z.object({ skill: z.string(), topic: z.string(), position: z.number().int() })),
});
