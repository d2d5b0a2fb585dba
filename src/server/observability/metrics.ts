import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/time.js';

/**
 * The instance's Prometheus metrics (prom-client), one registry per app so tests never share
 * counts. Labels are route patterns, stable error codes, job names, frame types, alert tiers and
 * age buckets only: never an id, an address, a name or anything a person wrote.
 */
export interface Metrics {
  registry: Registry;
  /** Requests answered, by method, route pattern and status. */
  requests: Counter<'method' | 'route' | 'status'>;
  /** Time to answer, by method and route pattern. */
  requestSeconds: Histogram<'method' | 'route'>;
  /** Error answers by their stable code (src/shared/errors.ts). */
  errors: Counter<'code'>;
  /** Frames the realtime hub sent to sockets, by frame type (post, ack, alert, …). */
  socketFrames: Counter<'type'>;
  /** Background job runs by job and outcome (ok / failed). */
  jobRuns: Counter<'job' | 'outcome'>;
  jobSeconds: Histogram<'job'>;
}

/** What the gauges read when Prometheus scrapes. */
export interface MetricSources {
  database: Database;
  clock: Clock;
  /** Sockets open on this instance (the realtime hub). */
  openSockets: () => number;
}

// Age buckets of unresolved alerts: the response targets are counted in minutes and hours.
const ALERT_AGES: readonly { label: string; minutes: number }[] = [
  { label: 'under_15m', minutes: 15 },
  { label: '15m_to_1h', minutes: 60 },
  { label: '1h_to_4h', minutes: 240 },
  { label: '4h_to_24h', minutes: 1440 },
];
const OLDEST_AGE = '24h_or_more';

/** Creates the registry and every metric; gauges are read from `sources` at each scrape. */
export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const metrics: Metrics = {
    registry,
    requests: new Counter({ name: 'hearth_http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registers }),
    requestSeconds: new Histogram({
      name: 'hearth_http_request_duration_seconds',
      help: 'Time to answer an HTTP request',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    errors: new Counter({ name: 'hearth_http_errors_total', help: 'Error answers by stable error code', labelNames: ['code'], registers }),
    socketFrames: new Counter({ name: 'hearth_realtime_frames_sent_total', help: 'Frames sent to WebSockets by the realtime hub, by type', labelNames: ['type'], registers }),
    jobRuns: new Counter({ name: 'hearth_job_runs_total', help: 'Background job runs by outcome', labelNames: ['job', 'outcome'], registers }),
    jobSeconds: new Histogram({
      name: 'hearth_job_duration_seconds',
      help: 'Time a background job run took',
      labelNames: ['job'],
      buckets: [0.005, 0.025, 0.1, 0.5, 1, 5, 30, 120],
      registers,
    }),
  };

  new Gauge({
    name: 'hearth_websocket_connections',
    help: 'WebSockets open on this instance',
    registers,
    collect() {
      this.set(sources.openSockets());
    },
  });

  const { poolStats } = sources.database;
  if (poolStats) {
    new Gauge({
      name: 'hearth_db_pool_connections',
      help: 'PostgreSQL pool connections by state',
      labelNames: ['state'],
      registers,
      collect() {
        const stats = poolStats();
        this.set({ state: 'in_use' }, stats.total - stats.idle);
        this.set({ state: 'idle' }, stats.idle);
      },
    });
    new Gauge({
      name: 'hearth_db_pool_waiting',
      help: 'Queries waiting for a PostgreSQL pool connection',
      registers,
      collect() {
        this.set(poolStats().waiting);
      },
    });
  }

  new Gauge({
    name: 'hearth_alerts_unresolved',
    help: 'Alerts not yet resolved, by status, tier and age',
    labelNames: ['status', 'tier', 'age'],
    registers,
    async collect() {
      this.reset();
      for (const row of await unresolvedAlertsByAge(sources.database, sources.clock.now())) {
        this.set({ status: row.status, tier: row.tier, age: row.age }, row.count);
      }
    },
  });
  return metrics;
}

/** Unresolved alerts counted by status, tier and age bucket, in one query on either database. */
async function unresolvedAlertsByAge(database: Database, now: Date): Promise<{ status: string; tier: string; age: string; count: number }[]> {
  const cutoffs = ALERT_AGES.map((a) => ({ label: a.label, since: new Date(now.getTime() - a.minutes * 60_000).toISOString() }));
  const rows = await database.db
    .selectFrom('alerts')
    .where('status', '!=', 'resolved')
    .select((eb) => {
      let age = eb
        .case()
        .when('created_at', '>=', cutoffs[0]?.since ?? '')
        .then(cutoffs[0]?.label ?? OLDEST_AGE);
      for (const cutoff of cutoffs.slice(1)) age = age.when('created_at', '>=', cutoff.since).then(cutoff.label);
      return ['status', 'tier', age.else(OLDEST_AGE).end().as('age'), eb.fn.countAll<number | string>().as('count')];
    })
    .groupBy(['status', 'tier', 'age'])
    .execute();
  return rows.map((r) => ({ status: r.status, tier: r.tier, age: String(r.age), count: Number(r.count) }));
}
