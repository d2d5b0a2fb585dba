import { z } from 'zod';

/** One kind of reminder: by e-mail or not (the only channel for members today). */
const channelsSchema = z.strictObject({ email: z.boolean() });

export const notificationPreferencesSchema = z.object({
  /** Where reminder e-mails go: the account's address. */
  emailAddress: z.string(),
  /** 24 hours and 2 hours before each group session. */
  sessionReminders: z.object({ email: z.boolean() }),
  /** A questionnaire waiting to be answered: at most weekly, until answered. */
  questionnaireReminders: z.object({ email: z.boolean() }),
});

export const notificationPreferencesBodySchema = z
  .strictObject({ sessionReminders: channelsSchema.optional(), questionnaireReminders: channelsSchema.optional() })
  .refine((b) => b.sessionReminders !== undefined || b.questionnaireReminders !== undefined, { message: 'Name at least one kind of reminder.' });
