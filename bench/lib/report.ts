import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult, Comparison } from './benchmark.js';
import { invalidity, type LoadFigures, type LoadSettings } from './load.js';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

/** Compares a subject's throughput with its baseline's: ratio = subject req/s ÷ baseline req/s, at least `target`. */
export function throughputRatio(label: string, subject: LoadFigures, baseline: LoadFigures, target: number): Comparison {
  const value = baseline.requestsPerSec > 0 ? subject.requestsPerSec / baseline.requestsPerSec : 0;
  const invalid = invalidOf(baseline, subject);
  return { label, value, op: '≥', target, unit: '', pass: invalid === null && value >= target, invalid, ...disturbance(baseline, subject) };
}

/** Holds a measurement's 95th-percentile latency against a ceiling: p95 must be below `targetMs`. */
export function p95Below(label: string, figures: LoadFigures, targetMs: number): Comparison {
  const invalid = invalidOf(figures);
  return {
    label,
    value: figures.p95Ms,
    op: '<',
    target: targetMs,
    unit: 'ms',
    pass: invalid === null && figures.p95Ms < targetMs,
    invalid,
    ...disturbance(figures),
  };
}

/** The largest share of the machine other processes took during these figures, if above the threshold. */
function disturbance(...figures: LoadFigures[]): { disturbed?: number } {
  const other = Math.max(0, ...figures.map((f) => f.cpu?.other ?? 0));
  return other > DISTURBED_OTHER_SHARE ? { disturbed: other } : {};
}

/** "PASS", or "FAIL (machine 80 % busy elsewhere)" when the figures were disturbed. */
export function verdictWithContext(comparison: Comparison): string {
  const busy = comparison.disturbed === undefined ? '' : ` (others used ${Math.round(comparison.disturbed * 100)} %)`;
  return `${verdict(comparison)}${busy}`;
}

function invalidOf(...figures: LoadFigures[]): string | null {
  const problems = figures.map(invalidity).filter((p): p is string => p !== null);
  return problems.length ? problems.join('; ') : null;
}

/** "0.42" for a ratio, "12.3 ms" for a latency. */
export function formatValue(value: number, unit: Comparison['unit']): string {
  return unit === 'ms' ? `${fixed(value, 1)} ms` : fixed(value, 2);
}

/** "≥ 0.50", "< 50.0 ms". */
export function formatTarget(comparison: Comparison): string {
  return `${comparison.op} ${formatValue(comparison.target, comparison.unit)}`;
}

/** The machine and software the figures belong to. */
export function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  };
}

/** Above this share of the machine used by other processes, figures are flagged as disturbed. */
const DISTURBED_OTHER_SHARE = 0.15;

/** Prints one result as a table with its verdicts. */
export function printResult(result: BenchResult, load: LoadSettings): void {
  if (result.table === 'latency') printLatencyTable(result);
  else printThroughputTable(result, load);
  for (const c of result.comparisons) {
    console.log(`  ${verdict(c)}  ${c.label}: ${formatValue(c.value, c.unit)} (target ${formatTarget(c)})${c.invalid ? ` (invalid: ${c.invalid})` : ''}`);
  }
  const disturbed = result.measurements.filter((m) => (m.figures.cpu?.other ?? 0) > DISTURBED_OTHER_SHARE);
  if (disturbed.length) {
    console.log(
      `  warning: other processes used more than ${DISTURBED_OTHER_SHARE * 100}% of the machine during ${disturbed.map((m) => m.label).join(', ')}: ` +
        'req/s and latencies are disturbed; the µs/req columns hold up better',
    );
  }
  for (const note of result.notes) console.log(`  note: ${note}`);
}

function printThroughputTable(result: BenchResult, load: LoadSettings): void {
  const first = result.measurements[0]?.figures;
  console.log(`\n${result.bench} on ${result.database}: ${load.connections} connections, ${load.durationS} s measured per server after ${load.warmupS} s warm-up`);
  const rows = result.measurements.map(({ label, figures }) => [
    label,
    fixed(figures.requestsPerSec, 0),
    first && first !== figures ? `${fixed(figures.requestsPerSec / first.requestsPerSec, 2)}×` : '1.00×',
    fixed(figures.p50Ms, 2),
    fixed(figures.p99Ms, 2),
    fixed(figures.requests, 0),
    String(figures.non2xx + figures.errors),
    ...cpuCells(figures),
  ]);
  console.log(table(['server', 'req/s', 'vs first', 'p50 ms', 'p99 ms', 'requests', 'non-2xx+err', 'server µs/req', 'db µs/req', 'other CPU'], rows));
}

/** One request at a time per endpoint: latency percentiles, and each against the first (the baseline). */
function printLatencyTable(result: BenchResult): void {
  const first = result.measurements[0]?.figures;
  const requests = [...new Set(result.measurements.map((m) => m.figures.requests))].join('/');
  console.log(`\n${result.bench} on ${result.database}: ${requests} sequential requests per endpoint, interleaved, after warm-up`);
  const times = (value: number, base: number | undefined) => (base && base > 0 ? `${fixed(value / base, 1)}×` : 'n/a');
  const rows = result.measurements.map(({ label, figures }) => [
    label,
    fixed(figures.requests, 0),
    fixed(figures.p50Ms, 2),
    fixed(figures.p95Ms, 2),
    fixed(figures.p99Ms, 2),
    fixed(figures.maxMs, 1),
    first === figures ? '1.0×' : times(figures.p50Ms, first?.p50Ms),
    first === figures ? '1.0×' : times(figures.p95Ms, first?.p95Ms),
    String(figures.non2xx + figures.errors),
    ...cpuCells(figures),
  ]);
  console.log(table(['endpoint', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p50 ÷ bare', 'p95 ÷ bare', 'non-2xx+err', 'server µs/req', 'db µs/req', 'other CPU'], rows));
}

function cpuCells(figures: LoadFigures): string[] {
  return figures.cpu
    ? [fixed(figures.cpu.serverCpuUsPerRequest, 0), fixed(figures.cpu.databaseCpuUsPerRequest, 0), `${fixed(figures.cpu.other * 100, 0)}%`]
    : ['n/a', 'n/a', 'n/a'];
}

/** Writes bench/results/<bench>-<database>.json and returns its path. */
export async function writeResult(result: BenchResult, load: LoadSettings): Promise<string> {
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${result.bench}-${result.database}.json`);
  const document = { ...result, measuredAt: new Date().toISOString(), load, machine: machine() };
  await fs.writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

export function verdict(comparison: Comparison): 'PASS' | 'FAIL' {
  return comparison.pass ? 'PASS' : 'FAIL';
}

/** A plain-text table; columns are right-aligned (numbers) unless `leftColumns` says otherwise. */
export function table(headers: string[], rows: string[][], leftColumns = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => '  ' + cells.map((cell, i) => (i < leftColumns ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
