/**
 * `npm run bench` runs every registered benchmark; `npm run bench -- <name>` runs one.
 * Each prints a table with PASS/FAIL against its target and writes bench/results/<name>-<db>.json.
 * Exits 0 even when a target is missed, 1 when a benchmark crashes, 2 on an unknown name.
 *
 * Environment: BENCH_CONNECTIONS (20), BENCH_DURATION_S (10), BENCH_WARMUP_S (2);
 * BENCH_DATABASE_URL or TEST_DATABASE_URL for PostgreSQL (else a local trust-auth server is tried);
 * BENCH_PG_SETTINGS=name=value,… for settings on the PostgreSQL bench databases (e.g. random_page_cost=1.1);
 * BENCH_GROUPS_REQUESTS (500), BENCH_GROUPS_WARMUP (50), BENCH_GROUPS_SCALE (issue|full) for `groups`;
 * BENCH_CPU_PROFILE=1 writes each server's CPU profile to bench/results/profiles/ (slower figures).
 */
import type { BenchResult } from './lib/benchmark.js';
import { runInterruptWork } from './lib/cleanup.js';
import { findDatabaseTargets, postgresSettingsFromEnv } from './lib/databases.js';
import { loadSettingsFromEnv } from './lib/load.js';
import { PROFILE_DIR } from './lib/server-process.js';
import { formatTarget, formatValue, machine, printResult, table, verdictWithContext, writeResult } from './lib/report.js';
import { benchmarks } from './registry.js';

function listBenchmarks(): string {
  return table(
    ['benchmark', 'what it measures'],
    benchmarks.map((b) => [b.name, b.description]),
    2,
  );
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('--list')) {
    console.log(`Usage: npm run bench [-- <name>]\n\n${listBenchmarks()}`);
    return 0;
  }
  const name = args[0];
  const selected = name === undefined ? benchmarks : benchmarks.filter((b) => b.name === name);
  if (args.length > 1 || selected.length === 0) {
    console.error(`Unknown benchmark ${JSON.stringify(args.join(' '))}. Choose one of:\n\n${listBenchmarks()}`);
    return 2;
  }

  const load = loadSettingsFromEnv();
  const { targets, notes } = await findDatabaseTargets();
  const host = machine();
  console.log(`Hearth benchmarks on ${host.cpus} × ${host.cpuModel}, ${host.memoryGiB} GiB, Node ${host.node}`);
  console.log(`Databases: ${targets.map((t) => `${t.kind} (${t.where})`).join(', ')}`);
  for (const note of notes) console.log(note);
  const pgSettings = postgresSettingsFromEnv();
  if (pgSettings.length && targets.some((t) => t.kind === 'postgres')) {
    console.log(`PostgreSQL bench databases get: ${pgSettings.map(([k, v]) => `${k}=${v}`).join(', ')} (BENCH_PG_SETTINGS)`);
  }
  if (process.env.BENCH_CPU_PROFILE === '1') console.log(`CPU profiles go to ${PROFILE_DIR}: figures from this run are slowed by profiling.`);

  const published: BenchResult[] = [];
  for (const bench of selected) {
    console.log(`\n== ${bench.name}: ${bench.description}`);
    await bench.run({
      databases: targets,
      load,
      async publish(result) {
        printResult(result, load);
        console.log(`  wrote ${await writeResult(result, load)}`);
        published.push(result);
      },
    });
  }

  console.log('\nSummary');
  const rows = published.flatMap((r) => r.comparisons.map((c) => [r.bench, r.database, c.label, formatValue(c.value, c.unit), formatTarget(c), verdictWithContext(c)]));
  console.log(table(['benchmark', 'database', 'measure', 'value', 'target', 'verdict'], rows, 3));
  if (published.some((r) => r.comparisons.some((c) => c.disturbed !== undefined))) {
    console.log('  (others used N %): other processes took that share of the machine while it was measured; rerun on a quieter machine before acting on it');
  }
  return 0;
}

// Ctrl-C reaches the runner more than once (directly and relayed by the tsx wrapper): clean up on
// the first signal and ignore the rest, or a second one would kill the runner mid-cleanup.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error('\nInterrupted: stopping servers and removing temporary databases…');
    void runInterruptWork().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(`\nBenchmark crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await runInterruptWork();
    process.exit(1);
  },
);
