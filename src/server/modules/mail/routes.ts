import { z } from 'zod';
import { mailSchema, mailStatusSchema } from '../../../shared/schemas/digest.js';
import { defineRoute } from '../../http/route.js';

const tags = ['mail'];
const LIST_LIMIT = 200;

export const mailRoutes = [
  defineRoute({
    id: 'admin.mail.list',
    method: 'GET',
    url: '/api/admin/mail',
    summary: "Hearth's outgoing e-mail, newest first: what was sent, what failed, and — without SMTP settings — the outbox to read",
    tags,
    access: { kind: 'authenticated', resource: 'mail', action: 'read' },
    query: z.strictObject({ status: mailStatusSchema.optional() }),
    response: { 200: z.object({ mail: z.array(mailSchema), smtpConfigured: z.boolean() }) },
    async handler({ query }, ctx) {
      let q = ctx.db.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').limit(LIST_LIMIT);
      if (query.status) q = q.where('status', '=', query.status);
      const rows = await q.execute();
      await ctx.audit({ action: 'admin.mail.list', detail: { count: rows.length } });
      return {
        smtpConfigured: !!ctx.hearth.config.smtpUrl,
        mail: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          toAddress: r.to_address,
          subject: r.subject,
          bodyText: r.body_text,
          status: r.status,
          attempts: r.attempts,
          lastError: r.last_error,
          createdAt: r.created_at,
          sentAt: r.sent_at,
        })),
      };
    },
  }),
];
