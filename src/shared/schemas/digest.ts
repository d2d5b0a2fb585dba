import { z } from 'zod';

/** A facilitator's between-session digest (GET /api/sessions/:sessionId/digest). */
export const digestSchema = z.object({
  /** True when this is the digest sent before the session; false for a live preview built now. */
  stored: z.boolean(),
  builtAt: z.string(),
  session: z.object({ id: z.uuid(), startsAt: z.string(), topic: z.string().nullable() }),
  group: z.object({ id: z.uuid(), name: z.string() }),
  since: z.string(),
  heldItems: z.array(z.object({ kind: z.string(), id: z.string(), label: z.string(), author: z.string(), excerpt: z.string(), createdAt: z.string() })),
  taggedPosts: z.array(
    z.object({
      postId: z.string(),
      threadId: z.string().nullable(),
      author: z.string(),
      excerpt: z.string(),
      taggedBy: z.string(),
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  celebrations: z.array(z.object({ id: z.string(), member: z.string(), text: z.string(), createdAt: z.string() })),
  alerts: z.array(
    z.object({
      id: z.string(),
      tier: z.enum(['concern', 'urgent']),
      kind: z.string(),
      summary: z.string(),
      status: z.string(),
      member: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  attendanceRisks: z.array(z.object({ enrolmentId: z.string(), member: z.string(), missedInRow: z.number().int(), attendanceRate: z.number().nullable() })),
});
export type Digest = z.infer<typeof digestSchema>;

export const mailStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed', 'outbox']);

/** One e-mail in the outbox (GET /api/admin/mail). */
export const mailSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  status: mailStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Mail = z.infer<typeof mailSchema>;
/** GET /api/admin/mail: all outgoing e-mail, or one status. */
export const mailListQuerySchema = z.strictObject({ status: mailStatusSchema.optional() });
export const mailListSchema = z.object({ mail: z.array(mailSchema), smtpConfigured: z.boolean() });
export type MailList = z.infer<typeof mailListSchema>;
