import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

/**
 * GET /api/me/connections: "Your connections" on a participant's home (issue 14 item 4). Names only
 * (pseudonyms, in alphabetical order) — never counts, ranks or comparisons with anyone.
 */
export const yourConnectionsGroupSchema = z.object({
  groupId: idSchema,
  groupName: z.string(),
  /** Peers who sent the member an appreciation. */
  appreciatedYou: z.array(z.string()),
  /** Peers whose strategies the member marked (tried, helped, didn't help). */
  youTriedTheirs: z.array(z.string()),
  /** Peers who marked one of the member's strategies. */
  triedYours: z.array(z.string()),
  /** Current peers with no act of connection either way yet. */
  notYetConnected: z.array(z.string()),
});
export type YourConnectionsGroup = z.infer<typeof yourConnectionsGroupSchema>;

/** Something recent a peer the member has no tie with shared, which the member can already see. */
export const connectionSuggestionSchema = z.object({
  groupId: idSchema,
  pseudonym: z.string(),
  kind: z.enum(['strategy', 'feedback_request']),
  /** The strategy's title, or the start of the feedback request. */
  title: z.string(),
  sharedAt: timestampSchema,
});
export type ConnectionSuggestion = z.infer<typeof connectionSuggestionSchema>;

export const yourConnectionsSchema = z.object({
  groups: z.array(yourConnectionsGroupSchema),
  suggestion: connectionSuggestionSchema.nullable(),
});
export type YourConnections = z.infer<typeof yourConnectionsSchema>;

/** GET/PATCH /api/me/home-preferences: which optional cards the member's home shows. */
export const homePreferencesSchema = z.object({ showConnections: z.boolean() });
export type HomePreferences = z.infer<typeof homePreferencesSchema>;

export const homePreferencesBodySchema = z.strictObject({
  showConnections: z.boolean({ error: 'Show connections: true or false.' }),
});
