import type { UseCaseContext } from '../../http/use-case.js';

const LIST_LIMIT = 200;

/**
 * The text messages kept in the SMS outbox (no gateway configured) and the reminder texts queued
 * for the gateway with their status, attempts and last error, newest first; audited.
 */
export async function smsOutbox(ctx: UseCaseContext) {
  const rows = await ctx.db.selectFrom('sms_outbox').selectAll().orderBy('created_at', 'desc').limit(LIST_LIMIT).execute();
  const texts = await ctx.db.selectFrom('sms_queue').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(LIST_LIMIT).execute();
  await ctx.audit({ action: 'admin.sms.list', detail: { count: rows.length, reminderTexts: texts.length } });
  return {
    gatewayConfigured: !!ctx.hearth.config.smsHttp,
    messages: rows.map((r) => ({ id: r.id, to: r.to_e164, text: r.body_text, createdAt: r.created_at })),
    reminderTexts: texts.map((r) => ({
      id: r.id,
      to: r.to_e164,
      text: r.body_text,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      nextAttemptAt: r.status === 'queued' ? r.next_attempt_at : null,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    })),
  };
}
