/**
 * `npm test`: the whole suite, in tiers.
 *   1. type check
 *   2. lint
 *   3. unit and integration tests on SQLite, then the mutation gate (Stryker) on the access rules
 *   4. integration tests on PostgreSQL      (when TEST_DATABASE_URL is set)
 *   5. end-to-end tests in real Chromium     (when a Chromium is installed)
 * Without PostgreSQL or Chromium the missing tier is skipped and said so plainly; with CI=true
 * a missing PostgreSQL or Chromium is a failure, never a skip.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const chromium = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';
type Outcome = 'passed' | 'failed' | 'skipped';
const results: { step: string; outcome: Outcome; note?: string; seconds: number }[] = [];

function run(step: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${step} ━━ ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
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

async function main(): Promise<number> {
  const npx = 'npx';
  run('type check', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  run('lint', npx, ['eslint', '.']);
  run('unit + integration (SQLite)', npx, ['vitest', 'run'], { HEARTH_TEST_DB: 'sqlite' });
  // The mutation-testing gate on the access rules (scripts/mutation-modules.ts, `ci: true`): fails
  // when a module is under its threshold or has no tests. `npm run mutate` is the full run.
  run('mutation gate (access rules)', npx, ['tsx', 'scripts/mutation-gate.ts', '--ci']);

  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    skip('integration (PostgreSQL)', 'TEST_DATABASE_URL is not set');
  } else {
    const problem = await postgresReachable(url);
    if (problem) {
      console.log(`\n━━ integration (PostgreSQL) ━━ FAILED: cannot reach TEST_DATABASE_URL: ${problem}`);
      results.push({ step: 'integration (PostgreSQL)', outcome: 'failed', note: problem, seconds: 0 });
    } else {
      run('integration (PostgreSQL)', npx, ['vitest', 'run', '.int.test.'], { HEARTH_TEST_DB: 'postgres' });
    }
  }

  if (!fs.existsSync(chromium)) {
    skip('end-to-end (Chromium)', `no Chromium at ${chromium} (apt-get install chromium)`);
  } else if (run('build web app', npx, ['vite', 'build', '--logLevel', 'warn'])) {
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
