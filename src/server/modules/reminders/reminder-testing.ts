import type { ReminderSettings } from './claim.js';

/** Reminder settings for tests that send by mail and by text (no public URL, so no links). */
export const MAIL_AND_TEXT_SETTINGS: ReminderSettings = {
  smtpConfigured: true,
  publicUrl: undefined,
  serviceName: 'Eastgate Service',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  textsConfigured: true,
};
