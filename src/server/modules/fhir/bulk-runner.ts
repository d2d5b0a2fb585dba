import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { BULK_EXPORT_TYPES, type BulkExportType } from '../../../shared/schemas/fhir.js';
import type { Config } from '../../config/env.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { Clock } from '../../lib/time.js';
import { recordAudit } from '../audit/record.js';
import { jobDir, NdjsonWriter, removeJobDir } from './bulk-files.js';
import { BULK_SOURCES } from './bulk-sources.js';

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
      eb.or([
        eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', staleBefore)]),
        eb.and([eb('status', '=', 'queued'), eb('created_at', '<', unclaimedBefore)]),
      ]),
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
      .set((eb) => ({ status: 'running', claim, heartbeat_at: now.toISOString(), started_at: now.toISOString(), attempts: eb('attempts', '+', 1), progress: 'Restarted after an interruption.' }))
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
  const writers = new Map<BulkExportType | 'OperationOutcome', NdjsonWriter>();
  try {
    const job = await db.selectFrom('fhir_export_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    const types = new Set(JSON.parse(job.types) as BulkExportType[]);
    const dir = jobDir(deps.config, jobId);
    await fs.promises.rm(dir, { recursive: true, force: true });
    await fs.promises.mkdir(dir, { recursive: true });
    const sources = BULK_SOURCES.filter((s) => s.types.some((t) => types.has(t)));
    const options = { base: job.fhir_base, since: job.since, until: job.transaction_time, pageSize: PAGE_SIZE };
    let written = 0;
    let beatAt = Date.now();
    for (const [index, source] of sources.entries()) {
      for await (const page of source.pages(db, options)) {
        for (const resource of page) {
          const type = resource.resourceType as BulkExportType | 'OperationOutcome';
          if (type !== 'OperationOutcome' && !types.has(type)) continue;
          let writer = writers.get(type);
          if (!writer) {
            writer = new NdjsonWriter(dir, `${type}.ndjson`, claim);
            writers.set(type, writer);
          }
          await writer.write(resource);
          if (type !== 'OperationOutcome') written += 1;
        }
        if (Date.now() - beatAt >= HEARTBEAT_MS) {
          beatAt = Date.now();
          const progress = `${written.toLocaleString('en')} resources written; ${source.types.join(' and ')} (${index + 1} of ${sources.length}).`;
          if (!(await heartbeat(deps, jobId, claim, progress))) return await stop(deps, jobId, writers);
        }
      }
    }
    for (const writer of writers.values()) await writer.close();
    // The error file (OperationOutcomes for records left out) last: the manifest lists it under `error`.
    const files = [...BULK_EXPORT_TYPES, 'OperationOutcome' as const].filter((t) => writers.has(t)).map((type, position) => ({ type, position, writer: writers.get(type)! }));
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
          progress: `${written.toLocaleString('en')} resources written${writers.has('OperationOutcome') ? `; ${writers.get('OperationOutcome')!.count} left out (see the error file)` : ''}.`,
        })
        .where('id', '=', jobId)
        .where('claim', '=', claim)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return false;
      if (files.length) {
        await trx
          .insertInto('fhir_export_files')
          .values(files.map((f) => ({ id: newId(), job_id: jobId, resource_type: f.type, file_name: f.writer.fileName, count: f.writer.count, bytes: f.writer.bytes, position: f.position })))
          .execute();
      }
      // No caller behind a background run: the row names the job and its administrator.
      await recordAudit(
        trx,
        { userId: null, role: null, requestId: null, ip: null },
        { action: 'fhir.bulk_export.complete', resourceType: 'fhir_export', resourceId: jobId, detail: { requestedBy: job.requested_by, ...Object.fromEntries(files.map((f) => [f.type, f.writer.count])) } },
        now,
      );
      return true;
    });
    if (!finished) return await stop(deps, jobId, new Map());
    return 'completed';
  } catch (error) {
    deps.log?.error({ err: error, jobId }, 'FHIR export failed');
    for (const writer of writers.values()) await writer.discard().catch(() => undefined);
    await removeJobDir(deps.config, jobId).catch(() => undefined);
    await db
      .updateTable('fhir_export_jobs')
      .set({ status: 'failed', claim: null, error: 'The export failed on the server. Start a new one; if it fails again, see the server log.', finished_at: deps.clock.now().toISOString() })
      .where('id', '=', jobId)
      .where('claim', '=', claim)
      .execute()
      .catch(() => undefined);
    return 'failed';
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
 * The job is no longer this worker's: leave its files alone when another worker took it over,
 * delete them when it was cancelled.
 */
async function stop(deps: ExportDeps, jobId: string, writers: Map<string, NdjsonWriter>): Promise<RunOutcome> {
  for (const writer of writers.values()) await writer.discard().catch(() => undefined);
  const job = await deps.db.selectFrom('fhir_export_jobs').select('status').where('id', '=', jobId).executeTakeFirst();
  if (!job || job.status === 'cancelled') await removeJobDir(deps.config, jobId);
  return 'stopped';
}
