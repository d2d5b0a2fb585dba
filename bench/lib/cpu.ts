import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Where the machine's CPU went during a measured run, as shares of its whole capacity (all cores),
 * plus the server's and the database's CPU time per request. Linux only (/proc); elsewhere null.
 * On a shared 2-core machine req/s moves with whatever else runs, CPU time per request much less.
 */
export interface CpuAccount {
  /** Share of all cores busy. */
  busy: number;
  server: number;
  loadGenerator: number;
  /** The database's own server processes: PostgreSQL backends (0 on SQLite, which runs inside the server). */
  database: number;
  /** Everything else on the machine, including hypervisor steal: contention the figures suffered. */
  other: number;
  serverCpuUsPerRequest: number;
  databaseCpuUsPerRequest: number;
}

/** CPU seconds spent during a window; windows add up (interleaved rounds). */
export interface CpuTimes {
  /** Capacity of the whole machine during the window (all cores). */
  total: number;
  busy: number;
  server: number;
  loadGenerator: number;
  database: number;
}

interface Snapshot {
  total: number;
  busy: number;
  /** CPU seconds per process, itself per thread (tid → seconds) where schedstat is available. */
  processes: Map<number, ProcessCpu>;
}

type ProcessCpu = { kind: 'threads'; threads: Map<number, number> } | { kind: 'ticks'; seconds: number };

let ticksPerSecond: number | undefined;

/**
 * Starts counting; `stop()` returns the CPU time spent, or null where /proc is not available.
 * `stop(laterDatabasePids)` adds database processes that appeared during the window (a pool
 * reconnecting): all their CPU time was spent within it.
 */
export function watchCpu(serverPid: number, databasePids: readonly number[]): { stop(laterDatabasePids?: readonly number[]): CpuTimes | null } {
  const start = snapshot([serverPid, process.pid, ...databasePids]);
  return {
    stop(laterDatabasePids = []) {
      const allDatabasePids = [...new Set([...databasePids, ...laterDatabasePids])];
      const end = snapshot([serverPid, process.pid, ...allDatabasePids]);
      if (!start || !end || end.total <= start.total) return null;
      const used = (pid: number) => spent(start.processes.get(pid), end.processes.get(pid));
      return {
        total: end.total - start.total,
        busy: end.busy - start.busy,
        server: used(serverPid),
        loadGenerator: used(process.pid),
        database: allDatabasePids.reduce((sum, pid) => sum + used(pid), 0),
      };
    },
  };
}

/**
 * CPU seconds a process spent between two snapshots. Per thread where possible (nanosecond
 * schedstat): a thread born in the window counts whole, one that ended in it loses its share;
 * a process gone by the end counts 0 (it then shows up as "other").
 */
function spent(start: ProcessCpu | undefined, end: ProcessCpu | undefined): number {
  if (!end) return 0;
  if (end.kind === 'ticks' || start?.kind === 'ticks') {
    const before = start === undefined ? 0 : start.kind === 'ticks' ? start.seconds : 0;
    return end.kind === 'ticks' ? Math.max(0, end.seconds - before) : 0;
  }
  let sum = 0;
  for (const [tid, seconds] of end.threads) sum += Math.max(0, seconds - (start?.threads.get(tid) ?? 0));
  return sum;
}

/** Sums two windows; null (no /proc) wins. */
export function addCpuTimes(a: CpuTimes | null, b: CpuTimes | null): CpuTimes | null {
  if (!a || !b) return null;
  return {
    total: a.total + b.total,
    busy: a.busy + b.busy,
    server: a.server + b.server,
    loadGenerator: a.loadGenerator + b.loadGenerator,
    database: a.database + b.database,
  };
}

/** Turns CPU time into shares of the machine and CPU time per request. */
export function accountCpu(times: CpuTimes, requests: number): CpuAccount {
  const perRequestUs = (seconds: number) => (requests > 0 ? (seconds / requests) * 1e6 : 0);
  const share = (seconds: number) => (times.total > 0 ? seconds / times.total : 0);
  return {
    busy: share(times.busy),
    server: share(times.server),
    loadGenerator: share(times.loadGenerator),
    database: share(times.database),
    other: share(Math.max(0, times.busy - times.server - times.loadGenerator - times.database)),
    serverCpuUsPerRequest: perRequestUs(times.server),
    databaseCpuUsPerRequest: perRequestUs(times.database),
  };
}

function snapshot(pids: readonly number[]): Snapshot | null {
  try {
    ticksPerSecond ??= clockTicks();
    // cpu user nice system idle iowait irq softirq steal (guest time is already inside user).
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const processes = new Map<number, ProcessCpu>();
    for (const pid of pids) {
      const cpu = readProcessCpu(pid);
      if (cpu !== null) processes.set(pid, cpu);
    }
    return { total: total / ticksPerSecond, busy: (total - idle) / ticksPerSecond, processes };
  } catch {
    return null;
  }
}

/**
 * A process's CPU time: per thread from /proc/<pid>/task/<tid>/schedstat (nanoseconds on CPU),
 * else user+system ticks from /proc/<pid>/stat (10 ms steps: too coarse for short windows).
 * Null if the process has gone.
 */
function readProcessCpu(pid: number): ProcessCpu | null {
  try {
    const threads = new Map<number, number>();
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        const ns = Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
        if (Number.isFinite(ns)) threads.set(Number(tid), ns / 1e9);
      } catch {
        // The thread ended between listing and reading.
      }
    }
    if (threads.size > 0) return { kind: 'threads', threads };
  } catch {
    // No schedstat (kernel without CONFIG_SCHEDSTATS) or the process has gone: try ticks.
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name is in parentheses and may hold spaces; fields after it start at "state" (field 3).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { kind: 'ticks', seconds: (Number(rest[11]) + Number(rest[12])) / (ticksPerSecond ?? 100) };
  } catch {
    return null;
  }
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/**
 * CPU seconds (user + system) a whole process has spent since it started, from /proc/<pid>/stat.
 * Unlike the per-thread `watchCpu`, it keeps the time of threads that have ended (a worker thread
 * that finished within the window); 10 ms steps, fine for windows of seconds. Null without /proc.
 */
export function processCpuSeconds(pid: number): number | null {
  try {
    ticksPerSecond ??= clockTicks();
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}
