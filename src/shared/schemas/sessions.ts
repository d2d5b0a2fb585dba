import { z } from 'zod';
import { placeOfServiceSchema } from './billing.js';
import { idSchema, text, timestampSchema } from './common.js';

export const attendanceStatusSchema = z.enum(['present', 'late', 'left_early', 'excused', 'absent']);
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;

export const localDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use the form YYYY-MM-DDTHH:mm (local time in the group’s time zone).');

export const scheduleBodySchema = z.strictObject({
  rrule: z.string().trim().min(5).max(500).describe('RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=12'),
  firstSessionLocal: localDateTimeSchema,
  timezone: z.string().min(1).max(64),
  durationMinutes: z.number().int().min(15).max(480),
});

/** A group's online meeting link: https only. */
const meetingUrlSchema = z.url({ protocol: /^https$/, error: 'Use an https:// link.' }).max(500);

export const groupSettingsBodySchema = z.strictObject({
  name: text(120).optional(),
  kind: z.enum(['closed', 'open']).optional(),
  capacity: z.number().int().min(2).max(50).optional(),
  minSize: z.number().int().min(1).max(50).optional(),
  location: text(300).nullable().optional(),
  meetingUrl: meetingUrlSchema.nullable().optional(),
  status: z.enum(['forming', 'active', 'completed', 'cancelled']).optional(),
  billingCode: z
    .string()
    .regex(/^[0-9A-Z]{4,6}$/, 'Use a billing code such as 90853.')
    .optional(),
  /** The claim's place of service for this group's sessions; null or '' clears it. */
  placeOfService: z
    .union([placeOfServiceSchema, z.literal('')])
    .nullable()
    .optional(),
});

export const createGroupBodySchema = z.strictObject({
  programmeId: idSchema,
  name: text(120),
  kind: z.enum(['closed', 'open']),
  capacity: z.number().int().min(2).max(50),
  minSize: z.number().int().min(1).max(50),
  leadId: idSchema.optional().describe('Lead facilitator; defaults to the calling clinician'),
  coFacilitatorIds: z.array(idSchema).max(5).default([]),
  location: text(300).nullable().optional(),
  meetingUrl: meetingUrlSchema.nullable().optional(),
  moderationMode: z.enum(['pre', 'post']).optional().describe('Group space: hold posts for a facilitator first (pre) or publish and review (post)'),
  schedule: scheduleBodySchema
    .optional()
    .describe('The recurring schedule, set in the same transaction: an invalid one (422 invalid_schedule, 409 schedule_overlap) creates no group'),
});

/** POST /api/groups: the new group's id and the sessions its schedule (when given) created. */
export const createdGroupSchema = z.object({ id: idSchema, sessionsCreated: z.number().int() });
/** PUT /api/groups/:groupId/schedule: sessions created and removed. */
export const scheduleResultSchema = z.object({ created: z.number().int(), removed: z.number().int() });
export type GroupSettings = z.input<typeof groupSettingsBodySchema>;
export type NewGroup = z.input<typeof createGroupBodySchema>;
export type ScheduleResult = z.infer<typeof scheduleResultSchema>;

/** A group's facilitators, replaced as a whole: one lead and up to five co-facilitators. */
export const facilitatorsBodySchema = z.strictObject({
  leadId: idSchema,
  coFacilitatorIds: z.array(idSchema).max(5, 'At most 5 co-facilitators.').default([]),
});

export const groupSessionSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  number: z.number().int().nullable(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  timezone: z.string(),
  topic: z.string(),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  cancelReason: z.string().nullable(),
  origin: z.enum(['schedule', 'manual']),
  hasNote: z.boolean(),
  noteStatus: z.enum(['draft', 'signed']).nullable(),
});
export type GroupSession = z.infer<typeof groupSessionSchema>;
/** GET /api/groups/:groupId/sessions. */
export const groupSessionListSchema = z.object({ sessions: z.array(groupSessionSchema) });

export const sessionListQuerySchema = z.strictObject({
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const cancelBodySchema = z.strictObject({ reason: text(500) });
export const rescheduleBodySchema = z.strictObject({
  startsAtLocal: localDateTimeSchema,
  durationMinutes: z.number().int().min(15).max(480).optional(),
});

export const attendanceBodySchema = z.strictObject({
  everyone: attendanceStatusSchema.default('present'),
  exceptions: z
    .array(
      z.strictObject({
        enrolmentId: idSchema,
        status: attendanceStatusSchema,
        minutes: z.number().int().min(1).max(480).optional(),
      }),
    )
    .max(60)
    .default([]),
});

export const rosterEntrySchema = z.object({
  enrolmentId: idSchema,
  pseudonym: z.string(),
  displayName: z.string(),
  attendance: attendanceStatusSchema.nullable(),
  minutes: z.number().int().nullable(),
});

export const sessionDetailSchema = z.object({
  session: groupSessionSchema,
  groupName: z.string(),
  plan: z.object({ topic: z.string(), skillFocus: z.string(), exercises: z.array(z.string()), reflectionPrompts: z.array(z.string()) }).nullable(),
  location: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  roster: z.array(rosterEntrySchema),
});

export const upcomingSessionSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  groupName: z.string(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  timezone: z.string(),
  topic: z.string(),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  location: z.string().nullable(),
  meetingUrl: z.string().nullable(),
});
/** GET /api/me/upcoming-sessions. */
export const upcomingSessionListSchema = z.object({ sessions: z.array(upcomingSessionSchema) });
export type UpcomingSessionList = z.infer<typeof upcomingSessionListSchema>;
