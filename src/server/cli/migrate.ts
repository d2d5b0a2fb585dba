import { parseArgs } from 'node:util';
import { openConfiguredDatabase, withStartupLock } from '../boot.js';
import { loadConfig } from '../config/env.js';
import { ALL_THE_WAY_DOWN, describeLosses, migrateDown, MigrationRequestError, migrationStatus, planRollback } from '../db/migrate.js';

const USAGE = `Usage: npm run migrate [-- <command>]

Commands:
  up (default)                    apply every pending migration
  status                          list migrations and when each was applied
  down [--to ID|--to 0]           roll back the latest migration, or every one after ID (0: all of them)
       [--dry-run]                say what would be undone and dropped, change nothing
       [--discard-data]           allow a rollback that drops tables or columns holding data

Uses the same configuration as the server (DATABASE_URL, HEARTH_DATA_DIR).`;

/** `npm run migrate`: brings the configured database up to date, lists migrations, or rolls back. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { to: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'discard-data': { type: 'boolean' }, help: { type: 'boolean' } },
  });
  const command = positionals[0] ?? 'up';
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!['up', 'status', 'down'].includes(command)) {
    console.error(`Unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  if (command !== 'down' && (values.to !== undefined || values['dry-run'] || values['discard-data'])) {
    console.error(`--to, --dry-run and --discard-data belong to "down".\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, { migrate: command === 'up', log: (m) => console.log(m) });
  try {
    if (command === 'up') {
      console.log(`Database (${config.databaseKind}) is up to date.`);
      return 0;
    }
    if (command === 'status') {
      for (const m of await migrationStatus(database.db)) console.log(`${m.executedAt ? 'applied' : 'pending'}  ${m.name}${m.executedAt ? `  ${m.executedAt}` : ''}`);
      return 0;
    }
    if (values.to === '') throw new MigrationRequestError(`--to needs a migration id, or ${ALL_THE_WAY_DOWN} for all of them.`);
    if (values['dry-run']) {
      const plan = await planRollback(database.db, values.to);
      console.log(`Would undo: ${plan.undo.join(', ')}`);
      console.log(describeLosses(plan) || 'No stored data would be lost.');
      return 0;
    }
    // Under the start-up lock: an instance starting meanwhile cannot migrate up halfway through.
    const { undone, plan } = await withStartupLock(database, () => migrateDown(database.db, values.to, { discardData: values['discard-data'] ?? false }));
    console.log(`Rolled back: ${undone.join(', ')}.`);
    const losses = describeLosses(plan);
    if (losses) console.log(`Discarded:\n${losses}`);
    console.log('A server started now migrates up again: stop it, or deploy the version that matches this schema.');
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof MigrationRequestError ? 2 : 1);
  },
);
