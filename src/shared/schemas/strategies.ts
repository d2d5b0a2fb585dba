import { z } from 'zod';
import { idSchema, text, timestampSchema } from './common.js';

export const moderationStatusSchema = z.enum(['published', 'held', 'rejected', 'removed']);
export type ModerationStatus = z.infer<typeof moderationStatusSchema>;

export const markStateSchema = z.enum(['try', 'helped', 'didnt_help']);
export type MarkState = z.infer<typeof markStateSchema>;

/** Sharing a coping strategy with one's group: what it is, when it helps, how to do it. */
export const shareStrategyBodySchema = z.strictObject({
  title: text(120),
  whenHelps: text(1000),
  steps: text(4000),
});
export type ShareStrategyBody = z.infer<typeof shareStrategyBodySchema>;

export const markBodySchema = z.strictObject({ state: markStateSchema });

export const markCountsSchema = z.object({ try: z.number().int(), helped: z.number().int(), didntHelp: z.number().int() });
export type MarkCounts = z.infer<typeof markCountsSchema>;

/** A strategy as the group sees it: authors by pseudonym only. */
export const strategySchema = z.object({
  id: idSchema,
  groupId: idSchema,
  title: z.string(),
  whenHelps: z.string(),
  steps: z.string(),
  authorPseudonym: z.string(),
  mine: z.boolean(),
  status: moderationStatusSchema,
  createdAt: timestampSchema,
  counts: markCountsSchema,
  myMark: markStateSchema.nullable(),
  /** The library entry made from it, while it is in the library. */
  libraryEntryId: idSchema.nullable(),
});
export type Strategy = z.infer<typeof strategySchema>;

export const strategyListSchema = z.object({
  strategies: z.array(strategySchema),
  /** Pass as `before` to load older strategies; null when there are none. */
  nextBefore: z.string().nullable(),
});

export const strategyListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  before: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const curateBodySchema = z.strictObject({
  credit: z.enum(['pseudonym', 'anonymous']),
  evidenceNote: text(1000).optional(),
});
/** POST /api/strategies/:strategyId/curate: the new library entry. */
export const curatedSchema = z.object({ id: z.uuid() });
export type Curated = z.infer<typeof curatedSchema>;

export const libraryEntrySchema = z.object({
  id: idSchema,
  programmeId: idSchema,
  programmeName: z.string(),
  title: z.string(),
  whenHelps: z.string(),
  steps: z.string(),
  /** "Shared by Willow" or "Shared by a group member". */
  creditLine: z.string(),
  evidenceNote: z.string().nullable(),
  curatedAt: timestampSchema,
  curatedBy: z.string(),
  /** The caller's own strategy: they may ask for it to be taken out. */
  mine: z.boolean(),
  /** The caller facilitates the group it came from and may uncurate it. */
  canUncurate: z.boolean(),
});
export type LibraryEntry = z.infer<typeof libraryEntrySchema>;

export const libraryQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  programmeId: idSchema.optional(),
});

export const libraryListSchema = z.object({ entries: z.array(libraryEntrySchema) });

export const reasonBodySchema = z.strictObject({ reason: text(500) });
