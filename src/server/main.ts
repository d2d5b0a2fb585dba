// First: V8 settings that must hold before anything allocates (v8-tuning.ts says why).
import './v8-tuning.js';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from './app.js';
import { openConfiguredDatabase } from './boot.js';
import { loadConfig } from './config/env.js';
import { startBackgroundJobs } from './jobs.js';
import { seedDemoIfEmpty } from './seed/demo.js';

/** `npm start`: validate configuration, migrate, seed the demo service when empty, serve. */
async function main(): Promise<void> {
  const config = loadConfig();
  // Until the app (and its logger) exists, pool errors go to the console.
  let appLog: FastifyBaseLogger | null = null;
  const database = await openConfiguredDatabase(config, {
    log: (message) => console.log(message),
    onPoolError: (error) => {
      if (appLog) appLog.warn({ err: error }, 'a database connection was lost; the pool opens a new one');
      else console.error(`A database connection was lost: ${error.message}`);
    },
    // Seeded under the start-up lock: an instance starting alongside finds the demo already there.
    underStartupLock: async (opened) => {
      if (!config.demoSeed) return;
      const seeded = await seedDemoIfEmpty(opened.db, config);
      if (seeded) {
        console.log('\nDemo service created. Every demo account has the same password:');
        for (const login of seeded.logins) console.log(`  ${login.role.padEnd(12)} ${login.email.padEnd(38)} ${seeded.password}`);
        console.log('');
      }
    },
  });
  await warmPool(database);
  const app = await buildApp({ config, database });
  appLog = app.log;
  let stopJobs = () => {};
  let stoppingSince = 0;
  const stop = (signal: NodeJS.Signals) => {
    if (stoppingSince) {
      // Ctrl+C under `npm start` arrives twice at once (the terminal's and npm's forwarded copy):
      // only a signal sent again later means "stop now".
      if (Date.now() - stoppingSince < REPEATED_SIGNAL_MS) return;
      app.log.warn(`${signal} again while stopping: exiting now`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    app.log.info(`${signal}: stopping (at most ${config.shutdownTimeoutMs / 1000} s)`);
    // A request or socket that will not finish must not keep a stopping instance alive.
    setTimeout(() => {
      app.log.error(`shutdown did not finish within ${config.shutdownTimeoutMs / 1000} s (HEARTH_SHUTDOWN_TIMEOUT_SECONDS): exiting anyway`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    stopJobs();
    // app.close(): new requests are answered 503, requests in flight finish, sockets close with 1001.
    app
      .close()
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  stopJobs = startBackgroundJobs(database, config, app.log, app.hearth);
  await app.listen({ port: config.port, host: config.host });
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`Hearth is serving on ${config.databaseKind} at http://${host}:${(app.server.address() as { port: number }).port} (Node ${process.version})`);
}

/** A second stop signal within this time is the same request, not "stop now". */
const REPEATED_SIGNAL_MS = 2000;

/** Connections a PostgreSQL pool opens before serving (the pool's size is 10). */
const WARM_CONNECTIONS = 4;

/**
 * Opens PostgreSQL connections before the first request: a pool opens them lazily, so the first
 * requests after a start (or a deploy) would otherwise each wait for a connection's set-up.
 */
async function warmPool(database: Awaited<ReturnType<typeof openConfiguredDatabase>>): Promise<void> {
  if (database.kind !== 'postgres') return;
  await Promise.all(Array.from({ length: WARM_CONNECTIONS }, () => sql`select 1`.execute(database.db)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
