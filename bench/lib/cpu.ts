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

/** Raw CPU ticks spent during a window; windows add up (interleaved rounds). */
export interface CpuTicks {
  total: number;
  busy: number;
  server: number;
  loadGenerator: number;
  database: number;
}

interface Snapshot {
  total: number;
  busy: number;
  processes: Map<number, number>;
}

let ticksPerSecond: number | undefined;

/** Starts counting; `stop()` returns the ticks spent, or null where /proc is not available. */
export function watchCpu(serverPid: number, databasePids: readonly number[]): { stop(): CpuTicks | null } {
  const pids = [serverPid, process.pid, ...databasePids];
  const start = snapshot(pids);
  return {
    stop() {
      const end = snapshot(pids);
      if (!start || !end || end.total <= start.total) return null;
      // A process that has gone by the end took its count with it: it counts as "other".
      const used = (pid: number) => {
        const last = end.processes.get(pid);
        return last === undefined ? 0 : last - (start.processes.get(pid) ?? 0);
      };
      return {
        total: end.total - start.total,
        busy: end.busy - start.busy,
        server: used(serverPid),
        loadGenerator: used(process.pid),
        database: databasePids.reduce((sum, pid) => sum + used(pid), 0),
      };
    },
  };
}

/** Sums two windows; null (no /proc) wins. */
export function addTicks(a: CpuTicks | null, b: CpuTicks | null): CpuTicks | null {
  if (!a || !b) return null;
  return {
    total: a.total + b.total,
    busy: a.busy + b.busy,
    server: a.server + b.server,
    loadGenerator: a.loadGenerator + b.loadGenerator,
    database: a.database + b.database,
  };
}

/** Turns ticks into shares of the machine and CPU time per request. */
export function accountCpu(ticks: CpuTicks, requests: number): CpuAccount {
  ticksPerSecond ??= clockTicks();
  const perSecond = ticksPerSecond;
  const perRequestUs = (t: number) => (requests > 0 ? (t / perSecond / requests) * 1e6 : 0);
  const share = (t: number) => (ticks.total > 0 ? t / ticks.total : 0);
  return {
    busy: share(ticks.busy),
    server: share(ticks.server),
    loadGenerator: share(ticks.loadGenerator),
    database: share(ticks.database),
    other: share(Math.max(0, ticks.busy - ticks.server - ticks.loadGenerator - ticks.database)),
    serverCpuUsPerRequest: perRequestUs(ticks.server),
    databaseCpuUsPerRequest: perRequestUs(ticks.database),
  };
}

function snapshot(pids: readonly number[]): Snapshot | null {
  try {
    // cpu user nice system idle iowait irq softirq steal (guest time is already inside user).
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const processes = new Map<number, number>();
    for (const pid of pids) {
      const ticks = readProcessTicks(pid);
      if (ticks !== null) processes.set(pid, ticks);
    }
    return { total, busy: total - idle, processes };
  } catch {
    return null;
  }
}

/** A process's user+system CPU ticks, all threads included; null if it has gone. */
function readProcessTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name is in parentheses and may hold spaces; fields after it start at "state" (field 3).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]);
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
