import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult, Comparison } from './benchmark.js';
import { invalidity, type LoadFigures, type LoadSettings } from './load.js';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

/** Compares a subject's throughput with its baseline's: ratio = subject req/s ÷ baseline req/s. */
export function throughputRatio(label: string, subject: LoadFigures, baseline: LoadFigures, target: number): Comparison {
  const ratio = baseline.requestsPerSec > 0 ? subject.requestsPerSec / baseline.requestsPerSec : 0;
  const problems = [invalidity(baseline), invalidity(subject)].filter((p): p is string => p !== null);
  const invalid = problems.length ? problems.join('; ') : null;
  return { label, ratio, target, pass: invalid === null && ratio >= target, invalid };
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
  const first = result.measurements[0]?.figures;
  console.log(
    `\n${result.bench} on ${result.database}: ${load.connections} connections, ${load.durationS} s measured per server after ${load.warmupS} s warm-up`,
  );
  const rows = result.measurements.map(({ label, figures }) => [
    label,
    fixed(figures.requestsPerSec, 0),
    first && first !== figures ? `${fixed(figures.requestsPerSec / first.requestsPerSec, 2)}×` : '1.00×',
    fixed(figures.p50Ms, 2),
    fixed(figures.p99Ms, 2),
    fixed(figures.requests, 0),
    String(figures.non2xx + figures.errors),
    figures.cpu ? fixed(figures.cpu.serverCpuUsPerRequest, 0) : 'n/a',
    figures.cpu ? fixed(figures.cpu.databaseCpuUsPerRequest, 0) : 'n/a',
    figures.cpu ? `${fixed(figures.cpu.other * 100, 0)}%` : 'n/a',
  ]);
  console.log(
    table(['server', 'req/s', 'vs first', 'p50 ms', 'p99 ms', 'requests', 'non-2xx+err', 'server µs/req', 'db µs/req', 'other CPU'], rows),
  );
  for (const c of result.comparisons) {
    console.log(
      `  ${verdict(c)}  ${c.label}: ${fixed(c.ratio, 2)} (target ≥ ${fixed(c.target, 2)})${c.invalid ? ` (invalid: ${c.invalid})` : ''}`,
    );
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
  const line = (cells: string[]) =>
    '  ' + cells.map((cell, i) => (i < leftColumns ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
