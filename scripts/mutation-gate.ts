/**
 * `npm run mutate`: the mutation-testing gate. Runs Stryker (incremental, per-test coverage) on the
 * modules of scripts/mutation-modules.ts, reads the JSON report, prints one line per module (and
 * one per group of modules, such as the risk detector's five parts, when every part has a report)
 * and exits non-zero when a module or group is under its threshold, has no test files, or no test
 * reaches it. Mutants declared equivalent (`// Stryker disable`) and static mutants a module leaves
 * out (`ignoreStatic`) are counted in their own columns, never in the score.
 *
 *   npm run mutate                       every module (the full run)
 *   npm run mutate -- --ci               the modules marked `ci` (the gate `npm test` runs)
 *   npm run mutate -- scoring,policy     the modules named
 *   npm run mutate -- --fresh            ignore the incremental files (re-test every mutant)
 *   npm run mutate -- --report-only      re-read the last report without running Stryker
 *   npm run mutate -- risk --only=src/server/modules/risk/frames.ts
 *                                        mutate only these files of the module this time; the
 *                                        module's other files keep their last results (Stryker's
 *                                        incremental state), so a large module can be run in parts;
 *                                        a file may carry a line range (frames.ts:529-1291)
 *   npm run mutate -- notes --concurrency=1
 *                                        Stryker's worker count this time (stryker.config.json: 2);
 *                                        1 on a machine shared with other work
 *
 * Stryker runs once per module with only that module's tests, so a mutant in the module-level
 * data of one file (static: every test of the run re-runs) costs only its own module's tests.
 * Reports (HTML, JSON, incremental state, the generated Stryker config) go to
 * reports/mutation/<module>/, which git ignores.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MODULES_ENV, mutationModules, selectModules, type MutationModule } from './mutation-modules.js';

const REPORT_DIR = 'reports/mutation';

/** The part of Stryker's mutation-testing-report-schema (v2) the gate reads. */
interface MutantReport {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
  statusReason?: string;
  location: { start: { line: number; column: number } };
  coveredBy?: string[];
}
interface MutationReport {
  files: Record<string, { mutants: MutantReport[] }>;
  testFiles?: Record<string, { tests: { id: string; name: string }[] }>;
}

/** Counts and score of one module. */
export interface ModuleResult {
  module: MutationModule;
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  /** Ignored by a `// Stryker disable` comment (declared equivalent). */
  ignored: number;
  /** Static mutants left out by the module's `ignoreStatic` (Stryker's reason: "Static mutant (and "ignoreStatic" was enabled)"). */
  ignoredStatic: number;
  errors: number;
  /** (killed + timeout) / (killed + timeout + survived + no coverage), in per cent; null with no valid mutant. */
  score: number | null;
  problems: string[];
}

/** Groups a report's mutants by module and judges each against its threshold. */
export function judge(report: MutationReport, modules: readonly MutationModule[]): ModuleResult[] {
  const reportFiles = Object.keys(report.files).map((f) => ({ key: f, rel: path.relative(process.cwd(), path.resolve(f)) }));
  return modules.map((module) => {
    const result: ModuleResult = { module, killed: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0, ignoredStatic: 0, errors: 0, score: null, problems: [] };
    let covered = 0;
    for (const file of module.files) {
      const entry = reportFiles.find((f) => f.rel === file);
      if (!entry) {
        result.problems.push(`${file} is missing from the mutation report`);
        continue;
      }
      for (const mutant of report.files[entry.key]?.mutants ?? []) {
        if ((mutant.coveredBy?.length ?? 0) > 0) covered += 1;
        switch (mutant.status) {
          case 'Killed':
            result.killed += 1;
            break;
          case 'Survived':
            result.survived += 1;
            break;
          case 'NoCoverage':
            result.noCoverage += 1;
            break;
          case 'Timeout':
            result.timeout += 1;
            break;
          case 'Ignored':
            if (mutant.statusReason?.startsWith('Static mutant')) result.ignoredStatic += 1;
            else result.ignored += 1;
            break;
          case 'CompileError':
          case 'RuntimeError':
          case 'Pending':
            result.errors += 1;
        }
      }
    }
    const valid = result.killed + result.timeout + result.survived + result.noCoverage;
    if (valid > 0) result.score = (100 * (result.killed + result.timeout)) / valid;
    if (valid > 0 && covered === 0 && result.killed + result.timeout === 0) result.problems.push('no test reaches this module (every mutant went uncovered)');
    if (result.score !== null && result.score < module.threshold) result.problems.push(`score ${result.score.toFixed(1)} % is under the ${module.threshold} % threshold`);
    return result;
  });
}

/**
 * One line per group of modules (the risk detector's parts): the sums of its parts' counts, judged
 * against the lowest threshold of its parts. Only when every part of the group is in the results, so
 * a run of one part does not pass for the whole.
 */
export function groupTotals(results: readonly ModuleResult[], modules: readonly MutationModule[] = mutationModules): ModuleResult[] {
  const groups = [...new Set(modules.map((m) => m.group).filter((g): g is string => g !== undefined))];
  const totals: ModuleResult[] = [];
  for (const group of groups) {
    const parts = modules.filter((m) => m.group === group);
    const found = parts.map((m) => results.find((r) => r.module.name === m.name));
    if (found.some((r) => r === undefined)) continue;
    const rs = found as ModuleResult[];
    const sum = (key: 'killed' | 'survived' | 'noCoverage' | 'timeout' | 'ignored' | 'ignoredStatic' | 'errors'): number => rs.reduce((n, r) => n + r[key], 0);
    const threshold = Math.min(...parts.map((m) => m.threshold));
    const total: ModuleResult = {
      module: { name: `${group} (all ${parts.length} parts)`, threshold, ci: false, files: parts.flatMap((m) => m.files), tests: parts.flatMap((m) => m.tests) },
      killed: sum('killed'),
      survived: sum('survived'),
      noCoverage: sum('noCoverage'),
      timeout: sum('timeout'),
      ignored: sum('ignored'),
      ignoredStatic: sum('ignoredStatic'),
      errors: sum('errors'),
      score: null,
      problems: [],
    };
    const valid = total.killed + total.timeout + total.survived + total.noCoverage;
    if (valid > 0) total.score = (100 * (total.killed + total.timeout)) / valid;
    if (total.score !== null && total.score < threshold) total.problems.push(`score ${total.score.toFixed(1)} % is under the ${threshold} % threshold`);
    totals.push(total);
  }
  return totals;
}

/** The summary table, one line per module. */
export function table(results: readonly ModuleResult[]): string {
  const header = ['module', 'killed', 'survived', 'no cov', 'timeout', 'declared', 'static', 'score', 'threshold', 'result'];
  const rows = results.map((r) => [
    r.module.name,
    String(r.killed),
    String(r.survived),
    String(r.noCoverage),
    String(r.timeout),
    String(r.ignored),
    String(r.ignoredStatic),
    r.score === null ? '–' : `${r.score.toFixed(1)} %`,
    `${r.module.threshold} %`,
    r.problems.length ? 'FAIL' : 'PASS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Survivors and uncovered mutants, as file:line lines to work from. */
function undetected(report: MutationReport, modules: readonly MutationModule[]): string[] {
  const wanted = new Set(modules.flatMap((m) => m.files));
  const lines: string[] = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const rel = path.relative(process.cwd(), path.resolve(file));
    if (!wanted.has(rel)) continue;
    for (const m of mutants) {
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      lines.push(
        `  ${m.status.padEnd(10)} ${rel}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} → ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)}`,
      );
    }
  }
  return lines;
}

/** Test files a module names that do not exist or declare no test. */
function missingTests(module: MutationModule): string[] {
  if (module.tests.length === 0) return ['it lists no test files'];
  const problems: string[] = [];
  for (const file of module.tests) {
    if (!fs.existsSync(file)) problems.push(`test file ${file} does not exist`);
    else if (!/\b(it|test)(\.each\([^)]*\))?\(/.test(fs.readFileSync(file, 'utf8'))) problems.push(`test file ${file} declares no test`);
  }
  return problems;
}

/** Removes every mutant that was not killed or timed out from an incremental file; returns how many. */
export function forgetUndetected(incrementalFile: string): number {
  const state = JSON.parse(fs.readFileSync(incrementalFile, 'utf8')) as MutationReport;
  let dropped = 0;
  for (const file of Object.values(state.files)) {
    const kept = file.mutants.filter((m) => m.status === 'Killed' || m.status === 'Timeout');
    dropped += file.mutants.length - kept.length;
    file.mutants = kept;
  }
  fs.writeFileSync(incrementalFile, JSON.stringify(state));
  return dropped;
}

/** Runs Stryker on one module, with only that module's tests; returns false when Stryker itself failed. */
function runStryker(module: MutationModule, fresh: boolean, only: readonly string[], concurrency: string | undefined): boolean {
  const dir = path.join(REPORT_DIR, module.name);
  fs.mkdirSync(dir, { recursive: true });
  const base = JSON.parse(fs.readFileSync('stryker.config.json', 'utf8')) as Record<string, unknown>;
  const config = {
    ...base,
    $schema: undefined,
    _comment: `Generated by scripts/mutation-gate.ts for the "${module.name}" module; edit stryker.config.json and scripts/mutation-modules.ts instead.`,
    mutate: module.files,
    ...(module.stryker ?? {}),
    incrementalFile: path.join(dir, 'incremental.json'),
    jsonReporter: { fileName: path.join(dir, 'mutation.json') },
    htmlReporter: { fileName: path.join(dir, 'index.html') },
  };
  const configFile = path.join(dir, 'stryker.config.json');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  // A file of the module, whole or a line range of it (`frames.ts:529-1291`, Stryker's own syntax).
  const part = only.filter((file) => module.files.includes(file.replace(/:\d+(:\d+)?-\d+(:\d+)?$/, '')));
  console.log(`\n━━ mutation: ${module.name} (${(part.length ? part : module.files).join(', ')}${part.length ? '; the other files keep their last results' : ''})`);
  const started = Date.now();
  // Stryker's incremental mode keeps a static mutant's "Survived" when tests are added (a static
  // mutant has no per-test coverage to compare). So when a module's tests changed since its last
  // run, every mutant the last run did not detect is dropped from the incremental state and
  // re-tested; a killed mutant is still reused only while the test that killed it is unchanged
  // (Stryker's own rule), so nothing is judged on a test that no longer exists.
  const incremental = path.join(dir, 'incremental.json');
  const since = fs.existsSync(incremental) ? fs.statSync(incremental).mtimeMs : Infinity;
  const testsChanged = module.tests.some((file) => fs.statSync(file).mtimeMs > since);
  if (testsChanged && !fresh) {
    const dropped = forgetUndetected(incremental);
    console.log(`━━ ${module.name}: its tests changed since the last run; re-testing the ${dropped} mutants it did not detect, and any whose killing test changed.`);
  }
  const stryker = spawnSync(
    'npx',
    ['stryker', 'run', configFile, ...(fresh ? ['--force'] : []), ...(part.length ? ['--mutate', part.join(',')] : []), ...(concurrency ? ['--concurrency', concurrency] : [])],
    {
      stdio: 'inherit',
      env: { ...process.env, [MODULES_ENV]: module.name },
    },
  );
  const seconds = (Date.now() - started) / 1000;
  timings.push({ module: module.name, seconds });
  console.log(`━━ ${module.name}: Stryker took ${seconds.toFixed(0)} s (exit ${String(stryker.status)}).`);
  return stryker.status === 0;
}

const timings: { module: string; seconds: number }[] = [];

function main(): number {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--') && !a.startsWith('--only=') && !a.startsWith('--concurrency=')));
  const names = args.filter((a) => !a.startsWith('--')).join(',');
  const only = (args.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? '').split(',').filter(Boolean);
  const concurrency = args.find((a) => a.startsWith('--concurrency='))?.slice('--concurrency='.length);
  if (concurrency !== undefined && !/^[1-9]\d*$/.test(concurrency)) {
    console.error(`mutation gate: --concurrency takes a positive whole number, not "${concurrency}".`);
    return 1;
  }
  const modules = flags.has('--ci') ? mutationModules.filter((m) => m.ci) : selectModules(names);

  let failed = false;
  for (const module of modules) {
    for (const problem of missingTests(module)) {
      console.error(`mutation gate: module "${module.name}": ${problem}.`);
      failed = true;
    }
  }
  if (failed) return 1;

  const started = Date.now();
  const results: ModuleResult[] = [];
  const survivors: string[] = [];
  for (const module of modules) {
    const jsonFile = path.join(REPORT_DIR, module.name, 'mutation.json');
    if (!flags.has('--report-only') && !runStryker(module, flags.has('--fresh'), only, concurrency)) {
      console.error(`mutation gate: module "${module.name}": Stryker failed (see above): no test files found, a failing test in the initial run, or a crash.`);
      failed = true;
      continue;
    }
    if (!fs.existsSync(jsonFile)) {
      console.error(`mutation gate: module "${module.name}": no report at ${jsonFile}.`);
      failed = true;
      continue;
    }
    const report = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as MutationReport;
    results.push(...judge(report, [module]));
    survivors.push(...undetected(report, [module]));
  }
  if (survivors.length) console.log(`\nUndetected mutants:\n${survivors.join('\n')}`);
  // A group's total needs every part's last report: parts not run this time are read from theirs.
  const withOtherParts = [...results];
  for (const module of mutationModules) {
    const jsonFile = path.join(REPORT_DIR, module.name, 'mutation.json');
    if (module.group && modules.some((m) => m.group === module.group) && !results.some((r) => r.module.name === module.name) && fs.existsSync(jsonFile))
      withOtherParts.push(...judge(JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as MutationReport, [module]));
  }
  const totals = groupTotals(withOtherParts);
  console.log(`\nMutation score per module (HTML reports: ${REPORT_DIR}/<module>/index.html)\n${table([...results, ...totals])}`);
  if (timings.length) console.log(`\nWall time ${((Date.now() - started) / 1000).toFixed(0)} s: ${timings.map((t) => `${t.module} ${t.seconds.toFixed(0)} s`).join(', ')}.`);
  const failing = [...results, ...totals].filter((r) => r.problems.length > 0);
  for (const r of failing) console.error(`mutation gate: module "${r.module.name}": ${r.problems.join('; ')}.`);
  return failed || failing.length ? 1 : 0;
}

process.exit(main());
