import { parseArgs } from 'node:util';
import { openConfiguredDatabase } from '../boot.js';
import { BackupError } from '../backup/backup-paths.js';
import { restoreBackup, takeBackup, verifyBackup } from '../backup/commands.js';
import { formatReport } from '../backup/verify-report.js';
import { loadConfig, type Config } from '../config/env.js';
import { CliError, createAdmin, listUsersTable, resetPassword, resetUserMfa } from './commands.js';

const USAGE = `Usage: npm run hearth -- <command> [options]

Commands:
  create-admin --email <e-mail> --name "<full name>"   create an admin; prints a set-password link
  reset-password --email <e-mail>                       end sessions; prints a set-password link
  reset-mfa --email <e-mail>                            clear two-step sign-in; enrol again at next sign-in
  list-users [--role admin|clinician|participant]       list accounts
  backup [--to <file>]                                  back up the database while it serves, then verify the copy
  verify <file>                                         check a backup: integrity, schema version, rows per table
  restore <file>                                        restore a verified backup into an empty data folder / database

Uses the same configuration as the server (DATABASE_URL, HEARTH_DATA_DIR, HEARTH_PUBLIC_URL).`;

/** The admin command line for first steps and account recovery, in production too. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean' } },
  });
  const command = positionals[0];
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  // Backups never migrate or otherwise open the database through Hearth: they copy it as it is.
  if (command === 'backup' || command === 'verify' || command === 'restore') return backupCommand(config, command, positionals[1], values.to);
  const database = await openConfiguredDatabase(config);
  try {
    switch (command) {
      case 'create-admin':
        console.log(await createAdmin(database.db, config, values));
        return 0;
      case 'reset-password':
        console.log(await resetPassword(database.db, config, values));
        return 0;
      case 'reset-mfa':
        console.log(await resetUserMfa(database.db, values));
        return 0;
      case 'list-users':
        console.log(await listUsersTable(database.db, values));
        return 0;
      default:
        console.error(`Unknown command: ${command}\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await database.close();
  }
}

async function backupCommand(config: Config, command: 'backup' | 'verify' | 'restore', file: string | undefined, to: string | undefined): Promise<number> {
  if (command === 'backup') {
    if (file !== undefined) throw new CliError('backup takes --to <file>, not a file name on its own.');
    if (config.databaseKind === 'postgres')
      console.log('PostgreSQL: backing up with pg_dump --format=custom (a consistent snapshot; restore with this command line or pg_restore).');
    const outcome = await takeBackup(config, to);
    console.log(`Backup written: ${outcome.file} (${(outcome.bytes / 1024 / 1024).toFixed(1)} MB in ${(outcome.ms / 1000).toFixed(1)} s)\n${formatReport(outcome.report)}`);
    return outcome.report.ok ? 0 : 1;
  }
  if (to !== undefined) throw new CliError('--to belongs to backup.');
  if (command === 'verify') {
    const report = await verifyBackup(config, file);
    console.log(formatReport(report));
    return report.ok && report.depth === 'full' ? 0 : 1;
  }
  console.log(await restoreBackup(config, file));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const refused = error instanceof CliError || error instanceof BackupError;
    console.error(error instanceof BackupError ? `${error.message} [${error.code}]` : error instanceof Error ? error.message : error);
    process.exit(refused ? 2 : 1);
  },
);
