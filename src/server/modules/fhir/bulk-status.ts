import type { BulkExportJob, BulkExportManifest } from '../../../shared/schemas/fhir.js';
import type { DbOrTx } from '../../db/database.js';
import type { FhirExportJobsTable } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { statusUrlOf } from './bulk-kickoff.js';

export type ExportStatus = { state: 'in_progress'; progress: string } | { state: 'complete'; manifest: BulkExportManifest; expiresAt: string };

type JobRow = Pick<FhirExportJobsTable, 'id' | 'status' | 'request_url' | 'transaction_time' | 'file_base' | 'progress' | 'error' | 'expires_at'>;

async function filesOf(db: DbOrTx, jobIds: readonly string[]) {
  if (jobIds.length === 0) return [];
  return db.selectFrom('fhir_export_files').select(['id', 'job_id', 'resource_type', 'count']).where('job_id', 'in', jobIds).orderBy('position').execute();
}

function outputOf(job: JobRow, files: Awaited<ReturnType<typeof filesOf>>) {
  return files.filter((f) => f.job_id === job.id).map((f) => ({ type: f.resource_type, url: `${job.file_base}/${f.id}`, count: f.count }));
}

/** The Bulk Data manifest: resource files under `output`, the OperationOutcome file (records left out) under `error`. */
function manifestOf(job: JobRow, files: Awaited<ReturnType<typeof filesOf>>): BulkExportManifest {
  const all = outputOf(job, files);
  return {
    transactionTime: job.transaction_time,
    request: job.request_url,
    requiresAccessToken: true,
    output: all.filter((f) => f.type !== 'OperationOutcome'),
    error: all.filter((f) => f.type === 'OperationOutcome'),
  };
}

/**
 * The status request of the Bulk Data protocol: in progress (the route answers 202 with
 * X-Progress), complete (200 and the manifest), failed (500 export_failed), or gone — cancelled,
 * or its files expired — which answers 404 like a job that never was.
 */
export async function bulkExportStatus(ctx: UseCaseContext, jobId: string): Promise<ExportStatus> {
  const job = await ctx.db.selectFrom('fhir_export_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
  switch (job.status) {
    case 'queued':
    case 'running':
      return { state: 'in_progress', progress: job.progress };
    case 'completed':
      return {
        state: 'complete',
        expiresAt: job.expires_at!,
        manifest: manifestOf(job, await filesOf(ctx.db, [job.id])),
      };
    case 'failed':
      throw new AppError('export_failed', job.error ?? 'The export failed.');
    case 'cancelled':
      throw new AppError('not_found', 'This export was cancelled and its files deleted.');
    case 'expired':
      throw new AppError('not_found', 'This export’s files have expired and were deleted. Start a new export.');
  }
}

/** The caller's own exports, newest first (the admin screen's list). */
export async function listBulkExports(ctx: UseCaseContext, origin: string): Promise<{ exports: BulkExportJob[] }> {
  const jobs = await ctx.db.selectFrom('fhir_export_jobs').selectAll().where('requested_by', '=', ctx.principal.userId).orderBy('created_at', 'desc').limit(10).execute();
  const files = await filesOf(
    ctx.db,
    jobs.filter((j) => j.status === 'completed').map((j) => j.id),
  );
  return {
    exports: jobs.map((job) => ({
      id: job.id,
      status: job.status,
      types: JSON.parse(job.types) as string[],
      since: job.since,
      progress: job.progress,
      error: job.error,
      createdAt: job.created_at,
      finishedAt: job.finished_at,
      expiresAt: job.expires_at,
      statusUrl: statusUrlOf(origin, job.id),
      output: job.status === 'completed' ? outputOf(job, files) : [],
    })),
  };
}
