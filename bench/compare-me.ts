import { fileURLToPath } from 'node:url';
import { findDatabaseTargets } from './lib/databases.js';
import { createAccount, hearthEnv, signIn, startHearth, withHearthDatabase } from './lib/hearth.js';
import { loadSettingsFromEnv, measureLoads, type LoadFigures } from './lib/load.js';
import { startServer, type ServerProcess } from './lib/server-process.js';

/**
 * Before/after for `me` on a shared machine: the bare route, another checkout's Hearth
 * (`npx tsx bench/compare-me.ts <other checkout>/bench/lib/hearth-server.ts`) and this one,
 * on the same fresh database, measured in interleaved rounds so background load weighs on all
 * three alike. Prints req/s and CPU µs per request; the other checkout must accept this
 * checkout's migrations (an older commit of the same branch does).
 */
const BARE = fileURLToPath(new URL('./lib/bare-server.ts', import.meta.url));

async function main(): Promise<void> {
  const otherEntry = process.argv[2];
  if (!otherEntry) throw new Error('Usage: npx tsx bench/compare-me.ts <other checkout>/bench/lib/hearth-server.ts');
  const { targets } = await findDatabaseTargets();
  const load = loadSettingsFromEnv();
  for (const target of targets) {
    const database = await target.provision();
    const servers: ServerProcess[] = [];
    try {
      const account = await withHearthDatabase(database, (opened) => createAccount(opened.db, 'participant'));
      servers.push(await startServer(BARE, { NODE_ENV: 'production' }));
      servers.push(await startServer(otherEntry, hearthEnv(database), 120_000));
      servers.push(await startHearth(database));
      const [bare, before, after] = servers as [ServerProcess, ServerProcess, ServerProcess];
      const [beforeSession, afterSession] = [await signIn(before, account), await signIn(after, account)];
      const me = (server: ServerProcess, cookie: string) => ({
        url: `${server.url}/api/me`,
        headers: { cookie },
        serverPid: server.pid,
        databasePids: () => database.backendPids(),
      });
      const figures = await measureLoads([{ url: `${bare.url}/bare`, serverPid: bare.pid }, me(before, beforeSession.cookie), me(after, afterSession.cookie)], load);
      const [bareFigures] = figures;
      console.log(`${target.kind}:`);
      ['bare GET /bare', 'other GET /api/me', 'this GET /api/me'].forEach((label, i) => console.log(`  ${line(label, figures[i]!, bareFigures)}`));
    } finally {
      for (const server of servers.reverse()) await server.stop();
      await database.dispose();
    }
  }
}

function line(label: string, f: LoadFigures, bare: LoadFigures): string {
  const cpu = f.cpu;
  return (
    `${label.padEnd(18)} ${Math.round(f.requestsPerSec).toLocaleString('en-GB').padStart(7)} req/s  ` +
    `${(f.requestsPerSec / bare.requestsPerSec).toFixed(2)}× bare  ` +
    (cpu ? `server ${Math.round(cpu.serverCpuUsPerRequest)} µs  database ${Math.round(cpu.databaseCpuUsPerRequest)} µs  others ${Math.round(cpu.other * 100)} %` : '') +
    (f.non2xx + f.errors > 0 ? `  ${f.non2xx + f.errors} failed` : '')
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
