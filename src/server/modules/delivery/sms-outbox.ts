import type { UseCaseContext } from '../../http/use-case.js';

const LIST_LIMIT = 200;

/** The text messages kept in the SMS outbox (no gateway configured), newest first; audited. */
export async function smsOutbox(ctx: UseCaseContext) {
  const rows = await ctx.db.selectFrom('sms_outbox').selectAll().orderBy('created_at', 'desc').limit(LIST_LIMIT).execute();
  await ctx.audit({ action: 'admin.sms.list', detail: { count: rows.length } });
  return { gatewayConfigured: !!ctx.hearth.config.smsHttp, messages: rows.map((r) => ({ id: r.id, to: r.to_e164, text: r.body_text, createdAt: r.created_at })) };
}
