import type { MailStatus } from '../../db/schema.js';
import type { UseCaseContext } from '../../http/use-case.js';

const LIST_LIMIT = 200;

/** Hearth's outgoing e-mail, newest first (optionally of one status), and whether SMTP is configured; audited. */
export async function listMail(ctx: UseCaseContext, status: MailStatus | undefined) {
  let q = ctx.db.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').limit(LIST_LIMIT);
  if (status) q = q.where('status', '=', status);
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
}
