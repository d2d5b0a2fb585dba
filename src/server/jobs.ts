import type { FastifyBaseLogger } from 'fastify';
import { startScheduledBackups } from './backup/scheduled.js';
import type { Config } from './config/env.js';
import type { Database } from './db/database.js';
import type { Clock } from './lib/time.js';
import { deleteExpiredIdempotencyKeys } from './http/idempotency.js';
import { configuredSmsSender, startAlertDelivery } from './modules/delivery/runner.js';
import { sendDueDigests } from './modules/digest/send-due-digests.js';
import { deleteExpiredExports, resumeAbandonedExports } from './modules/fhir/bulk-runner.js';
import { runDailyEarlyWarning } from './modules/isolation/run-early-warning.js';
import { deliverQueuedMail, type MailTransport } from './modules/mail/deliver-mail.js';
import { smtpTransport } from './modules/mail/transport.js';
import type { ReminderSettings } from './modules/reminders/claim.js';
import { sendMeasureReminders } from './modules/reminders/send-measure-reminders.js';
import { sendSessionReminders } from './modules/reminders/send-session-reminders.js';
import { deliverQueuedTexts } from './modules/reminders/text-queue.js';
import { runJob } from './observability/job-run.js';
import type { Metrics } from './observability/metrics.js';
import type { Broker } from './realtime/broker.js';

const EVERY_MS = 60_000;
/** Questionnaire reminders look at every member's due questionnaires: hourly is often enough for a weekly e-mail. */
const MEASURE_REMINDERS_EVERY_MS = 60 * 60_000;

/**
 * Work that runs whether or not anyone is looking, on every instance (each job is safe to run
 * concurrently): every minute, digests go out before sessions, members are reminded of their
 * sessions (24 h and 2 h before), reminder texts due are sent (retried with backoff) and queued
 * e-mail is delivered; hourly, of questionnaires waiting;
 * alert delivery and escalation run in their own faster loop, woken at once by a new alert
 * (modules/delivery/runner.ts); once a day the isolation early warning computes every active
 * member's signals, snapshots and flags (modules/isolation/run-early-warning.ts); idempotency keys past their 24 hours are deleted; FHIR $export jobs left by a stopped instance
 * are resumed and expired export files deleted (modules/fhir/bulk-runner.ts); with
 * HEARTH_BACKUP_DIR set, scheduled backups with retention (backup/scheduled.ts). Each run writes
 * one structured log line and is counted in /metrics (observability/job-run.ts). Returns a
 * function that stops them.
 */
export function startBackgroundJobs(database: Database, config: Config, log: FastifyBaseLogger, realtime: { broker: Broker; clock: Clock; metrics?: Metrics | null }): () => void {
  const jobs = { log, metrics: realtime.metrics ?? null };
  const transport: MailTransport | null = config.smtpUrl ? smtpTransport(config.smtpUrl) : null;
  const digestSettings = { leadMs: config.digestLeadMs, smtpConfigured: !!transport, publicUrl: config.publicUrl, serviceName: config.serviceName };
  const reminderSettings: ReminderSettings = {
    smtpConfigured: !!transport,
    publicUrl: config.publicUrl,
    serviceName: config.serviceName,
    locale: config.locale,
    timeZone: config.timeZone,
    // Session reminders by text message only through a real gateway, never into the development outbox.
    textsConfigured: !!config.smsHttp,
  };
  const textSender = config.smsHttp ? configuredSmsSender(database, config, realtime.clock) : null;
  let measureRemindersAt = 0;
  let running = false;
  const tick = async () => {
    // A slow tick (a big digest, a slow SMTP server) is not overlapped by the next one.
    if (running) return;
    running = true;
    const now = new Date();
    try {
      await runJob(
        'digests',
        jobs,
        () => sendDueDigests(database.db, digestSettings, now),
        (sent) => ({ sent }),
      );
      await runJob(
        'session_reminders',
        jobs,
        () => sendSessionReminders(database.db, reminderSettings, now),
        (sent) => ({ sent }),
      );
      // Reminder texts just queued, and those waiting for their next attempt (retried with backoff).
      if (textSender)
        await runJob(
          'reminder_texts',
          jobs,
          () => deliverQueuedTexts(database.db, textSender, new Date()),
          (r) => r,
        );
      if (now.getTime() - measureRemindersAt >= MEASURE_REMINDERS_EVERY_MS) {
        measureRemindersAt = now.getTime();
        await runJob(
          'measure_reminders',
          jobs,
          () => sendMeasureReminders(database.db, reminderSettings, now),
          (sent) => ({ sent }),
        );
      }
      if (transport)
        await runJob(
          'mail',
          jobs,
          () => deliverQueuedMail(database.db, transport, config.mailFrom, now),
          (r) => r,
        );
      // Once a day (the first tick of each UTC day, on one instance): the isolation early warning.
      await runJob(
        'isolation_early_warning',
        jobs,
        () => runDailyEarlyWarning(database.db, now),
        (run): Record<string, number> => (run ? { members: run.members, flagged: run.flagged, raised: run.raised, cleared: run.cleared } : {}),
      );
      await runJob(
        'idempotency_cleanup',
        jobs,
        () => deleteExpiredIdempotencyKeys(database.db, now),
        (deleted) => ({ deleted }),
      );
      // FHIR $export: jobs whose instance stopped are taken over and run again; expired files deleted.
      const exportDeps = { db: database.db, config, clock: realtime.clock, log };
      await runJob(
        'fhir_exports',
        jobs,
        () => resumeAbandonedExports(exportDeps),
        (r) => r,
      );
      await runJob(
        'fhir_export_cleanup',
        jobs,
        () => deleteExpiredExports(exportDeps),
        (deleted) => ({ deleted }),
      );
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), EVERY_MS);
  timer.unref();
  void tick();
  const stopAlertDelivery = startAlertDelivery({ database, config, broker: realtime.broker, clock: realtime.clock, log, metrics: jobs.metrics });
  const stopBackups = startScheduledBackups(config, log);
  return () => {
    clearInterval(timer);
    stopAlertDelivery();
    stopBackups();
  };
}
