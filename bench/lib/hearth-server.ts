// As main.ts: the server's V8 settings before anything else (v8-tuning.ts).
import '../../src/server/v8-tuning.js';
import { buildApp } from '../../src/server/app.js';
import { openConfiguredDatabase } from '../../src/server/boot.js';
import { loadConfig } from '../../src/server/config/env.js';
import { exitOnStartFailure, serveUntilStopped } from './serve.js';

// The subject: Hearth as `npm start` builds it (same config, plugins, hooks and routes), with the
// environment the parent gives (see hearthEnv) and without the demo seed or log output.
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const app = await buildApp({ config, database });
  await serveUntilStopped(app, () => database.close());
}

main().catch(exitOnStartFailure);
