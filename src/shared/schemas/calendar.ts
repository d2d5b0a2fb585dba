import { z } from 'zod';
import { text, timestampSchema } from './common.js';

/** Longest calendar event title a service may set. */
export const CALENDAR_EVENT_TITLE_MAX = 60;

/** The service's discreet session title in calendar feeds: one line, no control characters. */
export const calendarEventTitleSchema = text(CALENDAR_EVENT_TITLE_MAX).refine((v) => !/[\r\n\t]/.test(v), 'Use one line.');

/** What a person lets their calendar feed show beyond the discreet default. */
export const calendarPreferencesSchema = z.object({
  /** The session's place (the group's address) as the event's location. */
  showLocation: z.boolean(),
  /** The service's name in the event title, the calendar's name and the description. */
  showServiceName: z.boolean(),
  /** Whether these are the person's own choice (true) or the service's default (false: they have not chosen). */
  ownChoice: z.boolean(),
});
export type CalendarPreferences = z.infer<typeof calendarPreferencesSchema>;

export const calendarPreferencesBodySchema = z.strictObject({
  showLocation: z.boolean().optional(),
  showServiceName: z.boolean().optional(),
});

export const calendarFeedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: timestampSchema.nullable(),
  preferences: calendarPreferencesSchema,
  /** What the service shows for people who have not chosen: discreet (title and time only) or full (service name and place). */
  serviceDefault: z.enum(['discreet', 'full']),
});
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatusSchema>;

/** POST /api/me/calendar-feed: the new feed's address (shown once). */
export const calendarFeedIssuedSchema = z.object({ url: z.string().describe('Secret: whoever has it can read my session times') });
export type CalendarFeedIssued = z.infer<typeof calendarFeedIssuedSchema>;

/** GET /api/calendar/:token: the token in the address is the credential (not an object id). */
export const calendarFeedParamsSchema = z.strictObject({ token: z.string().max(200) });
