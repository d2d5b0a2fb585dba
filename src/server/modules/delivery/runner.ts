import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/time.js';
import { runJob } from '../../observability/job-run.js';
import type { Metrics } from '../../observability/metrics.js';
import type { Broker } from '../../realtime/broker.js';
import { ALERTS_CHANNEL } from '../../realtime/events.js';
import { escalateOverdueAlerts } from '../alerts/raise-alert.js';
import { deliverQueuedAlerts, type DeliveryDeps } from './deliver-alerts.js';
import { httpSmsSender, outboxSmsSender, type SmsSender } from './sms.js';
import { resolveVapidKeys, webPushSender } from './web-push.js';

/** The SMS adapter the configuration names: the generic HTTP gateway, else the outbox. */
export function configuredSmsSender(database: Database, config: Config, clock: Clock): SmsSender {
  return config.smsHttp ? httpSmsSender(config.smsHttp.url, config.smsHttp.token, config.deliveryTimeoutMs) : outboxSmsSender(database.db, clock);
}

/**
 * Where e-mail and SMS send people: HEARTH_PUBLIC_URL's alert queue. Without it, this machine's
 * address as configured (only right for a single local instance; set HEARTH_PUBLIC_URL).
 */
function alertsUrl(config: Config): string {
  if (config.publicUrl) return `${config.publicUrl}/alerts`;
  if (config.port === 0) return 'the Alerts page';
  return `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/alerts`;
}

/** Everything the delivery job needs, from the configuration (VAPID keys resolved once). */
export async function deliveryDeps(database: Database, config: Config, clock: Clock, overrides: Partial<DeliveryDeps> = {}): Promise<DeliveryDeps> {
  const vapid = await resolveVapidKeys(database.db, config, clock.now());
  return {
    push: vapid ? webPushSender(vapid, config.deliveryTimeoutMs) : null,
    sms: configuredSmsSender(database, config, clock),
    smtpConfigured: !!config.smtpUrl,
    serviceName: config.serviceName,
    alertsUrl: alertsUrl(config),
    clock,
    ...overrides,
  };
}

/**
 * The alert delivery loop of one instance: a pass escalates overdue alerts and sends queued
 * attempts. It runs right after an alert is raised or changes (the alerts channel, heard at
 * commit on every instance) and every `deliveryPollMs` besides, so nothing waits for the minute
 * jobs. Passes never overlap; a trigger during a pass runs one more. Returns a stop function.
 */
export function startAlertDelivery(options: {
  database: Database;
  config: Config;
  broker: Broker;
  clock: Clock;
  log: FastifyBaseLogger;
  metrics?: Metrics | null;
  deps?: Partial<DeliveryDeps>;
}): () => void {
  const { database, config, broker, clock, log } = options;
  const jobs = { log, metrics: options.metrics ?? null };
  let deps: DeliveryDeps | null = null;
  let running = false;
  let again = false;
  let stopped = false;
  const pass = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        deps ??= await deliveryDeps(database, config, clock, options.deps);
        const ready = deps;
        await runJob(
          'alert_escalation',
          jobs,
          () => escalateOverdueAlerts(database.db, clock.now()),
          (escalated) => ({ escalated }),
        );
        await runJob(
          'alert_delivery',
          jobs,
          () => deliverQueuedAlerts(database.db, ready),
          (r) => r,
        );
      } while (again && !stopped);
    } catch (err) {
      log.error({ err }, 'alert delivery set-up failed');
    } finally {
      running = false;
    }
  };
  const unsubscribe = broker.subscribe(ALERTS_CHANNEL, () => void pass());
  const timer = setInterval(() => void pass(), config.deliveryPollMs);
  timer.unref();
  void pass();
  return () => {
    stopped = true;
    clearInterval(timer);
    unsubscribe();
  };
}
