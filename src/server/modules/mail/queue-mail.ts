import type { Config } from '../../config/env.js';
import type { DbOrTx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { renderMail, type MailService, type TemplateInput } from './templates.js';

export interface OutgoingMail {
  kind: string;
  toUserId: string | null;
  toAddress: string;
  subject: string;
  /** Plain text only: no clinical detail ever goes into e-mail, only what to open in Hearth. */
  bodyText: string;
  /** The same message as simple HTML, when it was written from a template. */
  bodyHtml?: string | null;
}

export interface MailOptions {
  smtpConfigured: boolean;
  now: Date;
}

/**
 * Queues an e-mail in the caller's transaction, so it is sent exactly when the change that
 * caused it commits. Without SMTP settings it goes straight to the outbox administrators read.
 */
export async function queueMail(db: DbOrTx, mail: OutgoingMail, options: MailOptions): Promise<string> {
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
      body_html: mail.bodyHtml ?? null,
      status: options.smtpConfigured ? 'queued' : 'outbox',
      last_error: null,
      claimed_at: null,
      created_at: options.now.toISOString(),
      sent_at: null,
    })
    .execute();
  return id;
}

/** What a templated e-mail needs from the service's configuration. */
export type TemplateOptions = MailOptions & { service: MailService };

/** The template options of this service at `now`. */
export function templateOptions(config: Pick<Config, 'smtpUrl' | 'serviceName' | 'locale' | 'timeZone'>, now: Date): TemplateOptions {
  return { smtpConfigured: !!config.smtpUrl, now, service: { serviceName: config.serviceName, locale: config.locale, timeZone: config.timeZone } };
}

/**
 * Renders a template (mail/templates.ts) and queues it; returns whether it will go out over SMTP
 * (`sent`) or waits in the outbox for an administrator to read (`outbox`, no SMTP settings).
 */
export async function queueTemplatedMail(db: DbOrTx, to: { userId: string | null; address: string }, input: TemplateInput, options: TemplateOptions): Promise<'queued' | 'outbox'> {
  const rendered = renderMail(input, options.service);
  await queueMail(db, { kind: input.kind, toUserId: to.userId, toAddress: to.address, subject: rendered.subject, bodyText: rendered.text, bodyHtml: rendered.html }, options);
  return options.smtpConfigured ? 'queued' : 'outbox';
}
