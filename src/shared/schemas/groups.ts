import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

export const groupStatusSchema = z.enum(['forming', 'active', 'completed', 'cancelled']);

export const groupSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  programmeName: z.string(),
  status: groupStatusSchema,
  myRole: z.enum(['lead', 'co', 'member', 'admin']),
  memberCount: z.number().int(),
});

export const groupListSchema = z.object({ groups: z.array(groupSummarySchema) });

export const groupDetailSchema = z.object({
  id: idSchema,
  name: z.string(),
  programmeName: z.string(),
  status: groupStatusSchema,
  createdAt: timestampSchema,
  facilitators: z.array(
    z.object({ userId: idSchema, displayName: z.string(), role: z.enum(['lead', 'co']), email: z.string().optional() }),
  ),
  members: z.array(
    z.object({
      enrolmentId: idSchema,
      pseudonym: z.string(),
      status: z.enum(['invited', 'active', 'paused', 'completed', 'withdrawn']),
      userId: idSchema.optional(),
      displayName: z.string().optional(),
      email: z.string().optional(),
    }),
  ),
});
export type GroupDetail = z.infer<typeof groupDetailSchema>;
