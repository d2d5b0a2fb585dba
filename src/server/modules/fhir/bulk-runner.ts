import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { BULK_EXPORT_TYPES, type BulkExportType } from '../../../shared/schemas/fhir.js';
import type { Config } from '../../config/env.js';
import { databaseLocation, type DatabaseLocation, type Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { Clock } from '../../lib/time.js';
import { recordAudit } from '../audit/record.js';
import { jobDir, removeJobDir } from './bulk-files.js';
import type { WorkerInput, WorkerMessage } from './bulk-worker.js';
import { writeExportFiles, type ExportProgress, type ExportWork, type WrittenExport } from './bulk-write.js';

/**
 * Runs FHIR $export jobs in the background. A job is claimed with a random token (a conditional
 * update, so two instances never run one job); the worker renews its heartbeat every few seconds
 * and stops as soon as the job is no longer its own (cancelled, or taken over). A job whose
 * heartbeat stopped — its instance was restarted or crashed — is taken over by the jobs tick of
 * any instance and run again from the start (its partial files are deleted first); after three
 * attempts it is marked failed. Finished files are deleted at their expiry.
 */

export interface ExportDeps {
  db: Db;
  config: Pick<Config, 'fhirExport'>;
  clock: Clock;
  log?: { error(obj: object, msg: string): void };
}

export type RunOutcome = 'completed' | 'failed' | 'stopped' | 'not_claimed';

const HEARTBEAT_MS = 2_000;
/** A running job whose heartbeat is older than this is taken over. */
export const STALE_AFTER_MS = 60_000;
/** A queued job nobody claimed within this time (its instance stopped right after the kick-off). */
const UNCLAIMED_AFTER_MS = 15_000;
const MAX_ATTEMPTS = 3;
const PAGE_SIZE = 1000;

/**
 * The worker's heap. Its working set is a page of rows, their resources and their ndjson, plus the
 * small maps a source reads once (every enrolment's participant); a bounded old generation makes
 * V8 collect instead of growing, which is what kept the server's resident memory rising during an
 * export (587 MB at 10,000 participants in the server's thread). 32 MB runs out at 2,000
 * participants (a page of 1,000 QuestionnaireResponses with their lines is ~10 MB live); 64 MB is
 * the margin. A worker out of its heap fails the job (the log names ERR_WORKER_OUT_OF_MEMORY).
 */
const WORKER_HEAP: ResourceLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

/**
 * How to start the worker: from the bundle, `fhir-export-worker.js` beside it (`scripts/build.mjs`);
 * from source, `bulk-worker.ts` beside this file, imported through tsx's API (a worker does not
 * inherit the loader hooks of `node --import tsx`, and vitest has none).
 */
const WORKER_SCRIPT: { code: string; eval: boolean } = (() => {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return { code: path.join(path.dirname(here), 'fhir-export-worker.js'), eval: false };
  // require.resolve finds the CommonJS build of tsx's API, whose tsImport fails in a worker; its ES module build sits beside it.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = pathToFileURL(path.join(path.dirname(here), 'bulk-worker.ts')).href;
  return { code: `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`, eval: true };
})();

// Jobs this process is running, so tests and shutdown can wait for them.
const running = new Set<Promise<RunOutcome>>();

/** Resolves when every job this process started has stopped. */
export async function exportsSettled(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}

function track(work: Promise<RunOutcome>): Promise<RunOutcome> {
  running.add(work);
  void work.finally(() => running.delete(work));
  return work;
}

/** Claims a queued job and runs it to the end. */
export function runExportJob(deps: ExportDeps, jobId: string): Promise<RunOutcome> {
  return track(
    (async () => {
      const claim = randomUUID();
      const now = deps.clock.now().toISOString();
      try {
        const claimed = await deps.db
          .updateTable('fhir_export_jobs')
          .set((eb) => ({ status: 'running', claim, started_at: now, heartbeat_at: now, attempts: eb('attempts', '+', 1), progress: 'Started.' }))
          .where('id', '=', jobId)
          .where('status', '=', 'queued')
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return 'not_claimed';
      } catch (error) {
        // Left queued: the jobs tick takes it up.
        deps.log?.error({ err: error, jobId }, 'FHIR export could not be claimed');
        return 'not_claimed';
      }
      return execute(deps, jobId, claim);
    })(),
  );
}

/**
 * Takes over jobs whose worker stopped (heartbeat stale, or queued and never claimed) and starts
 * them again, without waiting for them. Returns how many it took over and how many it gave up on.
 */
export async function resumeAbandonedExports(deps: ExportDeps): Promise<{ resumed: number; failed: number }> {
  const now = deps.clock.now();
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS).toISOString();
  const unclaimedBefore = new Date(now.getTime() - UNCLAIMED_AFTER_MS).toISOString();
  const abandoned = await deps.db
    .selectFrom('fhir_export_jobs')
    .select(['id', 'status', 'claim', 'attempts'])
    .where((eb) =>
      eb.or([eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', staleBefore)]), eb.and([eb('status', '=', 'queued'), eb('created_at', '<', unclaimedBefore)])]),
    )
    .execute();
  let resumed = 0;
  let failed = 0;
  for (const job of abandoned) {
    const claim = randomUUID();
    const base = deps.db.updateTable('fhir_export_jobs').where('id', '=', job.id).where('status', '=', job.status);
    const guarded = job.claim === null ? base.where('claim', 'is', null) : base.where('claim', '=', job.claim);
    if (job.attempts >= MAX_ATTEMPTS) {
      const gaveUp = await guarded
        .set({ status: 'failed', claim: null, error: `The export stopped ${job.attempts} times before it could finish. Start a new one.`, finished_at: now.toISOString() })
        .executeTakeFirst();
      if (Number(gaveUp.numUpdatedRows) === 1) {
        failed += 1;
        await removeJobDir(deps.config, job.id);
      }
      continue;
    }
    const taken = await guarded
      .set((eb) => ({
        status: 'running',
        claim,
        heartbeat_at: now.toISOString(),
        started_at: now.toISOString(),
        attempts: eb('attempts', '+', 1),
        progress: 'Restarted after an interruption.',
      }))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) continue;
    resumed += 1;
    void track(execute(deps, job.id, claim));
  }
  return { resumed, failed };
}

/** Deletes the files of finished jobs past their expiry; the jobs stay, marked expired. */
export async function deleteExpiredExports(deps: ExportDeps): Promise<number> {
  const now = deps.clock.now().toISOString();
  const due = await deps.db.selectFrom('fhir_export_jobs').select('id').where('status', '=', 'completed').where('expires_at', '<=', now).execute();
  for (const job of due) {
    const done = await deps.db.updateTable('fhir_export_jobs').set({ status: 'expired' }).where('id', '=', job.id).where('status', '=', 'completed').executeTakeFirst();
    if (Number(done.numUpdatedRows) === 1) await removeJobDir(deps.config, job.id);
  }
  // A cancelled finished job's files are deleted by the cancel itself; this catches an instance
  // that stopped before it could (the last day's cancellations, so the pass stays small).
  const dayAgo = new Date(deps.clock.now().getTime() - 86_400_000).toISOString();
  const cancelled = await deps.db.selectFrom('fhir_export_jobs').select('id').where('status', '=', 'cancelled').where('finished_at', '>', dayAgo).execute();
  for (const job of cancelled) await removeJobDir(deps.config, job.id);
  return due.length;
}

async function execute(deps: ExportDeps, jobId: string, claim: string): Promise<RunOutcome> {
  const { db } = deps;
  try {
    const job = await db.selectFrom('fhir_export_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    const work: ExportWork = {
      jobId,
      claim,
      dir: jobDir(deps.config, jobId),
      types: JSON.parse(job.types) as BulkExportType[],
      options: { base: job.fhir_base, since: job.since, until: job.transaction_time, pageSize: PAGE_SIZE },
    };
    const location = databaseLocation(db);
    const result = location ? await writeInWorker(deps, work, location) : await writeInProcess(deps, work);
    if (result === 'stopped') return await stop(deps, jobId);
    // The error file (OperationOutcomes for records left out) last: the manifest lists it under `error`.
    const order: readonly string[] = [...BULK_EXPORT_TYPES, 'OperationOutcome'];
    const files = [...result.files].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type)).map((file, position) => ({ ...file, position }));
    const leftOut = files.find((f) => f.type === 'OperationOutcome')?.count;
    const finished = await db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const done = await trx
        .updateTable('fhir_export_jobs')
        .set({
          status: 'completed',
          claim: null,
          finished_at: now.toISOString(),
          heartbeat_at: now.toISOString(),
          expires_at: new Date(now.getTime() + deps.config.fhirExport.retentionMs).toISOString(),
          progress: `${result.written.toLocaleString('en')} resources written${leftOut !== undefined ? `; ${leftOut} left out (see the error file)` : ''}.`,
        })
        .where('id', '=', jobId)
        .where('claim', '=', claim)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return false;
      if (files.length) {
        await trx
          .insertInto('fhir_export_files')
          .values(files.map((f) => ({ id: newId(), job_id: jobId, resource_type: f.type, file_name: f.fileName, count: f.count, bytes: f.bytes, position: f.position })))
          .execute();
      }
      // No caller behind a background run: the row names the job and its administrator.
      await recordAudit(
        trx,
        { userId: null, role: null, requestId: null, ip: null },
        {
          action: 'fhir.bulk_export.complete',
          resourceType: 'fhir_export',
          resourceId: jobId,
          detail: { requestedBy: job.requested_by, ...Object.fromEntries(files.map((f) => [f.type, f.count])) },
        },
        now,
      );
      return true;
    });
    if (!finished) return await stop(deps, jobId);
    return 'completed';
  } catch (error) {
    deps.log?.error({ err: error, jobId }, 'FHIR export failed');
    await removeJobDir(deps.config, jobId).catch(() => undefined);
    await db
      .updateTable('fhir_export_jobs')
      .set({
        status: 'failed',
        claim: null,
        error: 'The export failed on the server. Start a new one; if it fails again, see the server log.',
        finished_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', jobId)
      .where('claim', '=', claim)
      .execute()
      .catch(() => undefined);
    return 'failed';
  }
}

function progressText(p: ExportProgress): string {
  return `${p.written.toLocaleString('en')} resources written; ${p.source} (${p.sourceIndex + 1} of ${p.sources}).`;
}

/** In the server's own thread (an in-memory SQLite database no other connection can open): heartbeat between pages. */
function writeInProcess(deps: ExportDeps, work: ExportWork): Promise<WrittenExport | 'stopped'> {
  let beatAt = Date.now();
  return writeExportFiles(deps.db, work, async (progress) => {
    if (Date.now() - beatAt < HEARTBEAT_MS) return true;
    beatAt = Date.now();
    return heartbeat(deps, work.jobId, work.claim, progressText(progress));
  });
}

/**
 * In a worker thread with its own read-only connection and a bounded heap (`bulk-worker.ts`): the
 * server's thread only renews the heartbeat with the worker's latest progress, and raises the
 * worker's stop flag when the job is no longer its own. A worker that dies (out of its heap, an
 * error) fails the job like an error in the server's thread would.
 */
async function writeInWorker(deps: ExportDeps, work: ExportWork, location: DatabaseLocation): Promise<WrittenExport | 'stopped'> {
  const stopFlag = new SharedArrayBuffer(4);
  const worker = new Worker(WORKER_SCRIPT.code, { eval: WORKER_SCRIPT.eval, workerData: { location, work, stop: stopFlag } satisfies WorkerInput, resourceLimits: WORKER_HEAP });
  let latest: ExportProgress | null = null;
  let result: WrittenExport | 'stopped' | null = null;
  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'progress') latest = message.progress;
    else result = message.result;
  });
  const exited = new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', resolve);
  });
  let beating = true;
  const beats = (async () => {
    while (beating) {
      await Promise.race([new Promise((resolve) => setTimeout(resolve, HEARTBEAT_MS)), exited.catch(() => undefined)]);
      if (!beating) return;
      const progress = latest as ExportProgress | null;
      if (!(await heartbeat(deps, work.jobId, work.claim, progress ? progressText(progress) : 'Started.'))) {
        Atomics.store(new Int32Array(stopFlag), 0, 1);
        return;
      }
    }
  })();
  try {
    const code = await exited;
    if (result === null) throw new Error(`The export worker exited (code ${code}) before it finished.`);
    return result;
  } finally {
    beating = false;
    await beats.catch(() => undefined);
  }
}

/** Renews the claim; false when the job is no longer this worker's (cancelled or taken over). */
async function heartbeat(deps: ExportDeps, jobId: string, claim: string, progress: string): Promise<boolean> {
  const beat = await deps.db
    .updateTable('fhir_export_jobs')
    .set({ heartbeat_at: deps.clock.now().toISOString(), progress })
    .where('id', '=', jobId)
    .where('claim', '=', claim)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(beat.numUpdatedRows) === 1;
}

/**
 * The job is no longer this worker's: its part files are gone already; delete the folder when the
 * job was cancelled, leave it to the other worker when the job was taken over.
 */
async function stop(deps: ExportDeps, jobId: string): Promise<RunOutcome> {
  const job = await deps.db.selectFrom('fhir_export_jobs').select('status').where('id', '=', jobId).executeTakeFirst();
  if (!job || job.status === 'cancelled') await removeJobDir(deps.config, jobId);
  return 'stopped';
}
