import { z } from 'zod';

/** Session reminders: by e-mail, and by text message where the service has an SMS gateway. */
const sessionChannelsSchema = z.object({ email: z.boolean(), sms: z.boolean() });
const emailOnlySchema = z.object({ email: z.boolean() });

/**
 * A person's notification preferences (the page at /settings/notifications). Members choose their
 * reminders; staff choose their session digest by e-mail. A kind that is not for the person is null.
 */
export const notificationPreferencesSchema = z.object({
  /** Which set of choices this person has. */
  audience: z.enum(['member', 'staff']),
  /** Where e-mail goes: the account's address. */
  emailAddress: z.string(),
  /** Where text messages go: the account's mobile number, if any. */
  mobile: z.string().nullable(),
  /** Whether the service sends text messages (an SMS gateway is configured). */
  smsAvailable: z.boolean(),
  /** Members: 24 hours and 2 hours before each group session. */
  sessionReminders: sessionChannelsSchema.nullable(),
  /** Members: a questionnaire waiting to be answered, at most weekly, until answered. */
  questionnaireReminders: emailOnlySchema.nullable(),
  /** Staff: the digest before each session of a group they facilitate (the in-app notice always comes). */
  sessionDigest: emailOnlySchema.nullable(),
  /** Staff: alerts cannot be switched off; whether the person is the clinician on duty now. */
  alerts: z.object({ onDutyNow: z.boolean() }).nullable(),
});

const atLeastOne = (b: Record<string, unknown>) => Object.values(b).some((v) => v !== undefined);

export const notificationPreferencesBodySchema = z
  .strictObject({
    sessionReminders: z.strictObject({ email: z.boolean().optional(), sms: z.boolean().optional() }).refine(atLeastOne, { message: 'Name a channel.' }).optional(),
    questionnaireReminders: z.strictObject({ email: z.boolean() }).optional(),
    sessionDigest: z.strictObject({ email: z.boolean() }).optional(),
  })
  .refine(atLeastOne, { message: 'Name at least one kind of notification.' });
