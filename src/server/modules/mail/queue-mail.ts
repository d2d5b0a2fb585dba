import type { DbOrTx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';

export interface OutgoingMail {
  kind: string;
  toUserId: string | null;
  toAddress: string;
  subject: string;
  /** Plain text only: no clinical detail ever goes into e-mail, only what to open in Hearth. */
  bodyText: string;
}

/**
 * Queues an e-mail in the caller's transaction, so it is sent exactly when the change that
 * caused it commits. Without SMTP settings it goes straight to the outbox administrators read.
 */
export async function queueMail(db: DbOrTx, mail: OutgoingMail, options: { smtpConfigured: boolean; now: Date }): Promise<string> {
  const id = newId();
  await db
    .insertInto('mail_outbox')
    .values({
      id,
      kind: mail.kind,
      to_user_id: mail.toUserId,
      to_address: mail.toAddress,
      subject: mail.subject,
      body_text: mail.bodyText,
      status: options.smtpConfigured ? 'queued' : 'outbox',
      last_error: null,
      claimed_at: null,
      created_at: options.now.toISOString(),
      sent_at: null,
    })
    .execute();
  return id;
}
