import { buildApp } from './app.js';
import { openConfiguredDatabase } from './boot.js';
import { loadConfig } from './config/env.js';
import { startBackgroundJobs } from './jobs.js';
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
  let stopJobs = () => {};
  const close = async () => {
    stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  stopJobs = startBackgroundJobs(database, config, app.log);
  await app.listen({ port: config.port, host: config.host });
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`Hearth is serving on ${config.databaseKind} at http://${host}:${(app.server.address() as { port: number }).port}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
