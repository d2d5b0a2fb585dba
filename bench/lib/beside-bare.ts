import { fileURLToPath } from 'node:url';
import type { ProvisionedDatabase } from './databases.js';
import { startHearth, type BenchSession } from './hearth.js';
import type { LoadFigures } from './load.js';
import { measureSequential, type SequentialSettings } from './sequential.js';
import { startServer, withServer, type ServerProcess } from './server-process.js';

const BARE_ENTRY = fileURLToPath(new URL('./bare-server.ts', import.meta.url));

/** The two servers a latency table is read from: a bare Fastify route (the floor) and Hearth. */
export interface BareAndHearth {
  bare: ServerProcess;
  hearth: ServerProcess;
}

/** A Hearth endpoint measured one request at a time, as `session`. */
export interface HearthEndpoint {
  label: string;
  path: string;
  session: BenchSession;
}

/** Starts the bare server, then Hearth on `database` (`env` overrides), runs `work`, and always stops both. */
export function withBareAndHearth<T>(database: ProvisionedDatabase, env: Record<string, string>, work: (servers: BareAndHearth) => Promise<T>): Promise<T> {
  return withServer(startServer(BARE_ENTRY, { NODE_ENV: 'production' }), (bare) => withServer(startHearth(database, env), (hearth) => work({ bare, hearth })));
}

/**
 * Latency of the bare route and of each endpoint, one request at a time (measureSequential): the
 * table's rows (the bare route first) and how many rounds ran.
 */
export async function measureBesideBare(
  servers: BareAndHearth,
  database: ProvisionedDatabase,
  endpoints: readonly HearthEndpoint[],
  settings: SequentialSettings,
): Promise<{ baseline: LoadFigures; subjects: LoadFigures[]; measurements: { label: string; figures: LoadFigures }[]; rounds: number; plannedRounds: number }> {
  const { bare, hearth } = servers;
  const measured = await measureSequential(
    [
      { url: `${bare.url}/bare`, serverPid: bare.pid },
      ...endpoints.map((e) => ({ url: `${hearth.url}${e.path}`, headers: { cookie: e.session.cookie }, serverPid: hearth.pid, databasePids: () => database.backendPids() })),
    ],
    settings,
  );
  const [baseline, ...subjects] = measured.figures as [LoadFigures, ...LoadFigures[]];
  return {
    baseline,
    subjects,
    measurements: [{ label: 'bare Fastify GET /bare', figures: baseline }, ...endpoints.map((e, i) => ({ label: e.label, figures: subjects[i]! }))],
    rounds: measured.rounds,
    plannedRounds: measured.plannedRounds,
  };
}
