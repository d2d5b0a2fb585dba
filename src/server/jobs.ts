import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config/env.js';
import type { Database } from './db/database.js';
import { escalateOverdueAlerts } from './modules/alerts/raise-alert.js';
import { sendDueDigests } from './modules/digest/send-due-digests.js';
import { deliverQueuedMail, type MailTransport } from './modules/mail/deliver-mail.js';
import { smtpTransport } from './modules/mail/transport.js';

const EVERY_MS = 60_000;

/**
 * Work that runs whether or not anyone is looking, every minute on every instance (each job is
 * safe to run concurrently): unacknowledged alerts escalate, digests go out before sessions,
 * queued e-mail is delivered. Returns a function that stops them.
 */
export function startBackgroundJobs(database: Database, config: Config, log: FastifyBaseLogger): () => void {
  const transport: MailTransport | null = config.smtpUrl ? smtpTransport(config.smtpUrl) : null;
  const digestSettings = { leadMs: config.digestLeadMs, smtpConfigured: !!transport, publicUrl: config.publicUrl, serviceName: config.serviceName };
  let running = false;
  const tick = async () => {
    // A slow tick (a big digest, a slow SMTP server) is not overlapped by the next one.
    if (running) return;
    running = true;
    const now = new Date();
    try {
      await escalateOverdueAlerts(database.db, now).catch((err: unknown) => log.error({ err }, 'alert escalation failed'));
      await sendDueDigests(database.db, digestSettings, now).catch((err: unknown) => log.error({ err }, 'sending digests failed'));
      if (transport) await deliverQueuedMail(database.db, transport, config.mailFrom, now).catch((err: unknown) => log.error({ err }, 'mail delivery failed'));
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), EVERY_MS);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
