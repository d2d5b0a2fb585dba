/**
 * `npm test`: the whole suite, in tiers.
 *   1. type check
 *   2. lint, and the formatting check (`npm run format:check`, Prettier)
 *   3. build (`npm run build`: the compiled server and the web app, when stale)
 *   4. unit and integration tests on SQLite, then the mutation gate (Stryker) on the access rules
 *   5. the integration tests on SQLite again on Node 22, from the npm registry (scripts/second-node.ts;
 *      HEARTH_SECOND_NODE=24, or =22,24 for both one after the other)
 *   6. integration tests on PostgreSQL      (when TEST_DATABASE_URL is set)
 *   7. end-to-end tests in real Chromium     (when a Chromium is installed)
 * Without PostgreSQL, Chromium or the npm registry the missing tier is skipped and said so
 * plainly; with CI=true that is a failure, never a skip.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { prepareSecondNode, type SecondNode } from './second-node.js';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const chromium = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';
type Outcome = 'passed' | 'failed' | 'skipped';
const results: { step: string; outcome: Outcome; note?: string; seconds: number }[] = [];

function run(step: string, command: string, args: string[], env: Record<string, string> = {}, cwd?: string): boolean {
  console.log(`\n━━ ${step} ━━ ${command} ${args.join(' ')}${cwd ? `  (in ${cwd})` : ''}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, ...(cwd ? { cwd } : {}) });
  const ok = result.status === 0;
  results.push({ step, outcome: ok ? 'passed' : 'failed', seconds: (Date.now() - started) / 1000 });
  return ok;
}

function skip(step: string, note: string): void {
  console.log(`\n━━ ${step} ━━ ${ci ? 'FAILED' : 'SKIPPED'}: ${note}`);
  results.push({ step, outcome: ci ? 'failed' : 'skipped', note, seconds: 0 });
}

async function postgresReachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The integration tests (`*.int.test.ts`, the set the PostgreSQL tier runs) again on SQLite on
 * Node 22, the other supported LTS. They are where a Node difference would show: the native
 * modules under every route, `npm start` building and running the compiled server, server
 * processes, sockets, crypto, timers. The unit tests (pure functions: the risk detector, the
 * instrument engine, policy tables) are not repeated, nor Stryker (mutants of those) nor
 * PostgreSQL (pg is pure JavaScript): the whole SQLite suite would double the tier's time and
 * exceed the few minutes this tier may add. The first run also builds better-sqlite3 for Node 22's
 * ABI (2–7 minutes by load, then cached).
 */
function runOnSecondNodes(): void {
  const majors = (process.env.HEARTH_SECOND_NODE ?? '22').split(',').map((m) => m.trim());
  for (const major of majors) {
    if (!/^\d+$/.test(major)) {
      console.log(`\n━━ second Node ━━ FAILED: HEARTH_SECOND_NODE must be Node majors separated by commas (22, or 22,24), not ${JSON.stringify(process.env.HEARTH_SECOND_NODE)}`);
      results.push({ step: 'integration on a second Node', outcome: 'failed', note: `bad HEARTH_SECOND_NODE`, seconds: 0 });
      return;
    }
  }
  for (const major of majors) runOnSecondNode(major);
}

function runOnSecondNode(major: string): void {
  const step = `integration on Node ${major} (SQLite)`;
  if (process.versions.node.split('.')[0] === major) {
    console.log(`\n━━ ${step} ━━ not needed: this machine's Node is ${process.version}`);
    results.push({ step, outcome: 'skipped', note: `the machine's Node is ${process.version}`, seconds: 0 });
    return;
  }
  const started = Date.now();
  let second: SecondNode;
  try {
    console.log(`\n━━ ${step}: preparing Node ${major} ━━`);
    second = prepareSecondNode(major);
  } catch (error) {
    skip(step, `could not prepare Node ${major}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const nodeBin = path.dirname(second.node);
  // The second Node first on PATH: `npm start` and every process a test starts run on it too.
  run(
    `integration on Node ${second.version} (SQLite)`,
    second.node,
    ['node_modules/vitest/vitest.mjs', 'run', '.int.test.'],
    { HEARTH_TEST_DB: 'sqlite', PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ''}` },
    second.tree,
  );
  results.at(-1)!.seconds = (Date.now() - started) / 1000;
  fs.rmSync(second.tree, { recursive: true, force: true });
}

async function main(): Promise<number> {
  const npx = 'npx';
  run('type check', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  run('lint', npx, ['eslint', '.']);
  run('format check (Prettier)', npx, ['prettier', '--check', '--log-level', 'warn', '.']);
  const built = run('build (server + web app)', process.execPath, ['scripts/build.mjs']);
  run('unit + integration (SQLite)', npx, ['vitest', 'run'], { HEARTH_TEST_DB: 'sqlite', HEARTH_OPENAPI_COVERAGE: 'check' });
  // The mutation-testing gate on the access rules (scripts/mutation-modules.ts, `ci: true`): fails
  // when a module is under its threshold or has no tests. `npm run mutate` is the full run.
  run('mutation gate (access rules, contact details)', npx, ['tsx', 'scripts/mutation-gate.ts', '--ci']);
  runOnSecondNodes();

  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    skip('integration (PostgreSQL)', 'TEST_DATABASE_URL is not set');
  } else {
    const problem = await postgresReachable(url);
    if (problem) {
      console.log(`\n━━ integration (PostgreSQL) ━━ FAILED: cannot reach TEST_DATABASE_URL: ${problem}`);
      results.push({ step: 'integration (PostgreSQL)', outcome: 'failed', note: problem, seconds: 0 });
    } else {
      run('integration (PostgreSQL)', npx, ['vitest', 'run', '.int.test.'], { HEARTH_TEST_DB: 'postgres', HEARTH_OPENAPI_COVERAGE: 'check' });
    }
  }

  if (!fs.existsSync(chromium)) {
    skip('end-to-end (Chromium)', `no Chromium at ${chromium} (apt-get install chromium)`);
  } else if (built) {
    run('end-to-end (Chromium)', npx, ['vitest', 'run', '-c', 'vitest.e2e.config.ts'], { HEARTH_CHROMIUM: chromium });
  }

  console.log('\nSummary');
  for (const r of results) {
    console.log(`  ${r.outcome.toUpperCase().padEnd(8)} ${r.step.padEnd(30)} ${r.seconds.toFixed(0).padStart(4)} s${r.note ? `  (${r.note})` : ''}`);
  }
  const failed = results.filter((r) => r.outcome === 'failed').length;
  const skipped = results.filter((r) => r.outcome === 'skipped').length;
  console.log(failed ? `\n${failed} step(s) failed.` : `\nAll steps passed${skipped ? `, ${skipped} skipped` : ''}.`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
