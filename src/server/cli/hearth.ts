import { parseArgs } from 'node:util';
import { openConfiguredDatabase } from '../boot.js';
import { loadConfig } from '../config/env.js';
import { CliError, createAdmin, listUsersTable, resetPassword, resetUserMfa } from './commands.js';

const USAGE = `Usage: npm run hearth -- <command> [options]

Commands:
  create-admin --email <e-mail> --name "<full name>"   create an admin; prints a set-password link
  reset-password --email <e-mail>                       end sessions; prints a set-password link
  reset-mfa --email <e-mail>                            clear two-step sign-in; enrol again at next sign-in
  list-users [--role admin|clinician|participant]       list accounts

Uses the same configuration as the server (DATABASE_URL, HEARTH_DATA_DIR, HEARTH_PUBLIC_URL).`;

/** The admin command line for first steps and account recovery, in production too. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean' } },
  });
  const command = positionals[0];
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof CliError ? error.message : error instanceof Error ? error.message : error);
    process.exit(error instanceof CliError ? 2 : 1);
  },
);
