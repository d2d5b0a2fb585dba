import { openConfiguredDatabase } from '../boot.js';
import { loadConfig } from '../config/env.js';

/** `npm run migrate`: brings the configured database up to date and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  console.log(`Database (${config.databaseKind}) is up to date.`);
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
