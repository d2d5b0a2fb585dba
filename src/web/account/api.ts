/**
 * Query keys of the signed-in person's own account. `all` (['me']) is the root of every query about
 * "me" (other features' `mine`-style keys start with it), so a change to who I am or what I belong
 * to refreshes them all at once.
 */
export const accountKeys = {
  all: ['me'] as const,
  sessions: ['me', 'sessions'] as const,
  notificationPreferences: ['me', 'notification-preferences'] as const,
  staffProfile: ['me', 'staff-profile'] as const,
};
