import { z } from 'zod';
import { idSchema, text, timestampSchema } from './common.js';

/** Shown in place of an erased member's words: their posts keep their place in threads with this reason. */
export const ERASED_AT_REQUEST = 'Removed at the member’s request.';

/** Longest note an administrator writes on an erasure (the request's reference, how it came in). */
export const ERASURE_REASON_MAX = 500;

/** POST /api/admin/users/:userId/erasure: processing an erasure needs an explicit confirmation and a reason. */
export const erasureBodySchema = z.strictObject({
  confirm: z.literal(true, 'Confirm the erasure: it cannot be undone.'),
  reason: text(ERASURE_REASON_MAX),
});

/** GET /api/admin/users/:userId/erasure: ?download=true sends the answer as a file to keep. */
export const erasureQuerySchema = z.strictObject({ download: z.enum(['true', 'false']).optional().describe('true: as a JSON file (Content-Disposition: attachment)') });

export const erasureOutcomeSchema = z.enum(['removed', 'anonymised', 'kept']);

/** One kind of data in an erasure's preview or report: how many rows, what happens to them, why. */
export const erasureLineSchema = z.object({
  kind: z.string(),
  outcome: erasureOutcomeSchema,
  count: z.number().int().min(0),
  why: z.string(),
});

export const retentionPolicySchema = z.object({
  clinicalRecord: z.enum(['keep', 'erase']),
  measures: z.enum(['keep', 'erase']),
});

/** The dry run (GET) and the report of an erasure carried out (POST, and downloaded later). */
export const erasureReportSchema = z.object({
  /** null in a preview; the erasure's id once done. */
  id: idSchema.nullable(),
  userId: idSchema,
  /** The person's name before erasure in a preview; "Erased member" in a report. */
  displayName: z.string(),
  dryRun: z.boolean(),
  policy: retentionPolicySchema,
  lines: z.array(erasureLineSchema),
  totals: z.object({ removed: z.number().int(), anonymised: z.number().int(), kept: z.number().int() }),
  reason: z.string().nullable(),
  processedBy: z.string().nullable(),
  processedAt: timestampSchema.nullable(),
});
export type ErasureReport = z.infer<typeof erasureReportSchema>;
export type ErasureLine = z.infer<typeof erasureLineSchema>;

/** GET /api/admin/erasures: the erasures carried out, newest first. */
export const erasureListSchema = z.object({
  erasures: z.array(z.object({ id: idSchema, userId: idSchema, processedBy: z.string(), processedAt: timestampSchema, reason: z.string() })),
});
export type ErasureList = z.infer<typeof erasureListSchema>;
