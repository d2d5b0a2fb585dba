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
  nextSessionAt: timestampSchema.nullable(),
  timezone: z.string(),
});

export const groupListSchema = z.object({ groups: z.array(groupSummarySchema) });

export const groupDetailSchema = z.object({
  id: idSchema,
  name: z.string(),
  programmeId: idSchema,
  programmeName: z.string(),
  status: groupStatusSchema,
  kind: z.enum(['closed', 'open']),
  capacity: z.number().int().optional(),
  minSize: z.number().int().optional(),
  createdAt: timestampSchema,
  schedule: z.object({ rrule: z.string(), firstSessionLocal: z.string(), timezone: z.string(), durationMinutes: z.number().int() }).nullable(),
  timezone: z.string(),
  location: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  billingCode: z.string().optional(),
  /** The claim's place of service (staff only); null when the service does not record it. */
  placeOfService: z.string().nullable().optional(),
  nextSession: z.object({ id: idSchema, startsAt: timestampSchema, topic: z.string() }).nullable(),
  facilitators: z.array(z.object({ userId: idSchema, displayName: z.string(), role: z.enum(['lead', 'co']), email: z.string().optional() })),
  members: z.array(
    z.object({
      enrolmentId: idSchema,
      pseudonym: z.string(),
      status: z.enum(['invited', 'active', 'paused', 'completed', 'withdrawn']),
      userId: idSchema.optional(),
      displayName: z.string().optional(),
      email: z.string().optional(),
      joinedAt: timestampSchema.nullable().optional(),
      attendanceRate: z.number().nullable().optional(),
    }),
  ),
  /** Members who missed the last two or more recorded sessions in a row (facilitators only). */
  attendanceAlerts: z.array(z.object({ enrolmentId: idSchema, pseudonym: z.string(), missedInRow: z.number().int() })).optional(),
  /** Share of recorded member-sessions attended (facilitators only). */
  attendanceRates: z.object({ group: z.number().nullable(), heldSessions: z.number().int() }).optional(),
  /** Open places: capacity minus current members and outstanding offers (facilitators only). */
  waitlist: z.object({ waiting: z.number().int(), offered: z.number().int(), openPlaces: z.number().int() }).optional(),
});
export type GroupDetail = z.infer<typeof groupDetailSchema>;
