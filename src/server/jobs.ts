import type { FastifyBaseLogger } from 'fastify';
import { startScheduledBackups } from './backup/scheduled.js';
import type { Config } from './config/env.js';
import type { Database } from './db/database.js';
import type { Clock } from './lib/time.js';
import { startAlertDelivery } from './modules/delivery/runner.js';
import { sendDueDigests } from './modules/digest/send-due-digests.js';
import { deliverQueuedMail, type MailTransport } from './modules/mail/deliver-mail.js';
import { smtpTransport } from './modules/mail/transport.js';
import type { Broker } from './realtime/broker.js';

const EVERY_MS = 60_000;

/**
 * Work that runs whether or not anyone is looking, on every instance (each job is safe to run
 * concurrently): every minute, digests go out before sessions and queued e-mail is delivered;
 * alert delivery and escalation run in their own faster loop, woken at once by a new alert
 * (modules/delivery/runner.ts); with HEARTH_BACKUP_DIR set, scheduled backups with retention
 * (backup/scheduled.ts). Returns a function that stops them.
 */
export function startBackgroundJobs(database: Database, config: Config, log: FastifyBaseLogger, realtime: { broker: Broker; clock: Clock }): () => void {
  const transport: MailTransport | null = config.smtpUrl ? smtpTransport(config.smtpUrl) : null;
  const digestSettings = { leadMs: config.digestLeadMs, smtpConfigured: !!transport, publicUrl: config.publicUrl, serviceName: config.serviceName };
  let running = false;
  const tick = async () => {
    // A slow tick (a big digest, a slow SMTP server) is not overlapped by the next one.
    if (running) return;
    running = true;
    const now = new Date();
    try {
      await sendDueDigests(database.db, digestSettings, now).catch((err: unknown) => log.error({ err }, 'sending digests failed'));
      if (transport) await deliverQueuedMail(database.db, transport, config.mailFrom, now).catch((err: unknown) => log.error({ err }, 'mail delivery failed'));
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), EVERY_MS);
  timer.unref();
  void tick();
  const stopAlertDelivery = startAlertDelivery({ database, config, broker: realtime.broker, clock: realtime.clock, log });
  const stopBackups = startScheduledBackups(config, log);
  return () => {
    clearInterval(timer);
    stopAlertDelivery();
    stopBackups();
  };
}
