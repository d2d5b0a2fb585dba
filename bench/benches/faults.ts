import pg from 'pg';
import { createPrivateCluster, findPostgresBinaries } from '../../src/server/testing/pg-cluster.js';
import type { Benchmark, BenchContext } from '../lib/benchmark.js';
import { onInterrupt } from '../lib/cleanup.js';
import type { DatabaseTarget, ProvisionedDatabase } from '../lib/databases.js';
import { createAccount, signIn, startHearth, withHearthDatabase, type BenchSession } from '../lib/hearth.js';
import type { ServerProcess } from '../lib/server-process.js';

const CYCLES = Math.min(Math.max(Number(process.env.BENCH_FAULTS_CYCLES ?? 5), 1), 20);
const TARGETS = { lost: 0, duplicated: 0, recoverySeconds: 10 };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Tally {
  acknowledged: Set<number>;
  attempts: number;
  /** Time of the first acknowledged write after each fault, in ms since the fault began. */
  recoveries: number[];
}

/**
 * A participant writing journal entries one after another, each with its own Idempotency-Key; a
 * write that gets no answer (connection refused or cut, 503) is sent again with the same key
 * until it is answered, as the web app does. `target()` is the server to write to now.
 */
function writer(target: () => { url: string; session: BenchSession } | null, tally: Tally) {
  let stop = false;
  let faultAt: number | null = null;
  const done = (async () => {
    for (let n = 1; !stop; n++) {
      for (;;) {
        if (stop) return;
        const t = target();
        if (!t) {
          await sleep(50);
          continue;
        }
        tally.attempts++;
        const sentAt = performance.now();
        try {
          const response = await fetch(`${t.url}/api/me/journal`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: t.session.cookie, 'x-csrf-token': t.session.csrfToken, 'idempotency-key': `fault-${n}` },
            body: JSON.stringify({ prompt: null, body: `fault-${n}` }),
            signal: AbortSignal.timeout(5_000),
          });
          await response.arrayBuffer();
          if (response.status === 201 || response.status === 200) {
            tally.acknowledged.add(n);
            // Recovered: a write sent after the fault began was acknowledged.
            if (faultAt !== null && sentAt > faultAt) {
              tally.recoveries.push(performance.now() - faultAt);
              faultAt = null;
            }
            break;
          }
          if (response.status === 409 && response.headers.get('retry-after')) {
            await sleep(200);
            continue;
          }
          if (response.status >= 500) {
            await sleep(100);
            continue;
          }
          throw new Error(`journal write answered ${response.status}`);
        } catch (error) {
          if (error instanceof Error && /answered/.test(error.message)) throw error;
          await sleep(100);
        }
      }
    }
  })();
  return {
    fault: () => void (faultAt = performance.now()),
    /** Waits until the writer has recovered from the last fault (or the time runs out). */
    recovered: async (withinMs: number): Promise<boolean> => {
      const until = performance.now() + withinMs;
      while (faultAt !== null && performance.now() < until) await sleep(50);
      return faultAt === null;
    },
    stop: async () => {
      stop = true;
      await done;
    },
  };
}

/** Counts the stored entries: acknowledged ones missing, and any written twice. */
async function audit(database: ProvisionedDatabase, userId: string, tally: Tally) {
  return withHearthDatabase(database, async (opened) => {
    const rows = await opened.db.selectFrom('journal_entries').select('body').where('participant_id', '=', userId).execute();
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.body, (counts.get(r.body) ?? 0) + 1);
    const lost = [...tally.acknowledged].filter((n) => !counts.has(`fault-${n}`)).length;
    const duplicated = [...counts.values()].filter((c) => c > 1).length;
    return { stored: rows.length, lost, duplicated };
  });
}

function report(title: string, tally: Tally, result: { stored: number; lost: number; duplicated: number }): void {
  const rec = [...tally.recoveries].sort((a, b) => a - b);
  const worst = (rec.at(-1) ?? Infinity) / 1000;
  console.log(`\n${title}`);
  console.log(`  writes acknowledged ${tally.acknowledged.size}, attempts ${tally.attempts}, rows stored ${result.stored}`);
  console.log(`  lost ${result.lost}, duplicated ${result.duplicated}; recovery (fault → next acknowledged write) ${rec.map((r) => (r / 1000).toFixed(1)).join(', ')} s`);
  console.log(`  ${result.lost <= TARGETS.lost ? 'PASS' : 'FAIL'}  acknowledged writes lost: ${result.lost} (target 0)`);
  console.log(`  ${result.duplicated <= TARGETS.duplicated ? 'PASS' : 'FAIL'}  writes stored twice: ${result.duplicated} (target 0)`);
  console.log(`  ${worst < TARGETS.recoverySeconds ? 'PASS' : 'FAIL'}  slowest recovery: ${worst.toFixed(1)} s (target < ${TARGETS.recoverySeconds} s)`);
}

/** SQLite: the server is killed with SIGKILL mid-write CYCLES times and started again (as a service manager would). */
async function sqliteKills(target: DatabaseTarget): Promise<void> {
  const database = await target.provision();
  const tally: Tally = { acknowledged: new Set(), attempts: 0, recoveries: [] };
  try {
    const account = await withHearthDatabase(database, (opened) => createAccount(opened.db, 'participant'));
    let server: ServerProcess | null = await startHearth(database);
    const session = await signIn(server, account);
    const w = writer(() => (server ? { url: server.url, session } : null), tally);
    for (let i = 0; i < CYCLES; i++) {
      await sleep(700 + Math.floor(Math.random() * 800));
      const dying: ServerProcess = server;
      server = null;
      w.fault();
      process.kill(dying.pid, 'SIGKILL');
      await dying.stop().catch(() => undefined);
      server = await startHearth(database);
      if (!(await w.recovered(30_000))) tally.recoveries.push(Infinity);
    }
    await sleep(1000);
    await w.stop();
    await server?.stop();
    report(`SQLite: ${CYCLES} × kill -9 of the server under a steady stream of writes, restarted at once`, tally, await audit(database, account.id, tally));
  } finally {
    await database.dispose();
  }
}

/**
 * PostgreSQL: a private throwaway cluster (initdb in a temporary folder, its own port; see
 * src/server/testing/pg-cluster.ts) is stopped (`pg_ctl stop -m fast`) under write load, left down
 * BENCH_FAULTS_PG_DOWN_MS (default 2000), and started again; the same Hearth must recover alone.
 * The machine's own cluster, which other work may be using, is never touched.
 */
async function postgresRestart(): Promise<void> {
  const bindir = findPostgresBinaries();
  if (!bindir) {
    console.log('\nPostgreSQL stop/start: skipped (no initdb/pg_ctl found for a private cluster; set HEARTH_PG_BINDIR)');
    return;
  }
  const downMs = Math.min(Math.max(Number(process.env.BENCH_FAULTS_PG_DOWN_MS ?? 2000), 0), 60_000);
  const cluster = await createPrivateCluster({ bindir });
  const unregister = onInterrupt(() => cluster.remove());
  const tally: Tally = { acknowledged: new Set(), attempts: 0, recoveries: [] };
  try {
    await adminQuery(cluster.url('postgres'), 'CREATE DATABASE hearth');
    const database: ProvisionedDatabase = { kind: 'postgres', env: { DATABASE_URL: cluster.url('hearth') }, backendPids: async () => [], dispose: async () => undefined };
    const account = await withHearthDatabase(database, (opened) => createAccount(opened.db, 'participant'));
    const server = await startHearth(database);
    const session = await signIn(server, account);
    const w = writer(() => ({ url: server.url, session }), tally);
    await sleep(1500);
    w.fault();
    await cluster.stop();
    await sleep(downMs);
    await cluster.start();
    if (!(await w.recovered(60_000))) tally.recoveries.push(Infinity);
    await sleep(1000);
    await w.stop();
    await server.stop();
    report(
      `PostgreSQL (private cluster, ${bindir}): stopped (pg_ctl stop -m fast) under a steady stream of writes, down ${(downMs / 1000).toFixed(1)} s, started again; Hearth not restarted`,
      tally,
      await audit(database, account.id, tally),
    );
  } finally {
    unregister();
    await cluster.remove();
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * Faults under write load: kill -9 cycles on SQLite, a PostgreSQL stop and start (on a private
 * cluster of its own). Prints acknowledged, lost and duplicated writes and the time to recover.
 */
export const faultsBench: Benchmark = {
  name: 'faults',
  description: 'kill -9 cycles on SQLite and a PostgreSQL stop/start (private cluster) under write load: acknowledged / lost / duplicated writes, recovery seconds',
  async run(ctx: BenchContext) {
    for (const target of ctx.databases) {
      if (target.kind === 'sqlite') await sqliteKills(target);
      else await postgresRestart();
    }
  },
};
