import { buildApp } from './app.js';
import { openConfiguredDatabase } from './boot.js';
import { loadConfig } from './config/env.js';
import { escalateOverdueAlerts } from './modules/alerts/raise-alert.js';
import { seedDemoIfEmpty } from './seed/demo.js';

/** `npm start`: validate configuration, migrate, seed the demo service when empty, serve. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  if (config.demoSeed) {
    const seeded = await seedDemoIfEmpty(database.db, config);
    if (seeded) {
      console.log('\nDemo service created. Every demo account has the same password:');
      for (const login of seeded.logins) console.log(`  ${login.role.padEnd(12)} ${login.email.padEnd(38)} ${seeded.password}`);
      console.log('');
    }
  }
  const app = await buildApp({ config, database });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  // Unacknowledged alerts escalate even when nobody opens the queue. Every instance may run
  // this: the update only touches rows not yet escalated.
  const escalation = setInterval(() => {
    escalateOverdueAlerts(database.db, new Date()).catch((error: unknown) => app.log.error({ err: error }, 'alert escalation failed'));
  }, 60_000);
  escalation.unref();
  await app.listen({ port: config.port, host: config.host });
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`Hearth is serving on ${config.databaseKind} at http://${host}:${(app.server.address() as { port: number }).port}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
