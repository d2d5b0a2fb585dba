import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import type { Config } from '../../config/env.js';
import { afterCommit } from '../../db/after-commit.js';
import fs from 'node:fs';
import { jobDir } from './bulk-files.js';

/**
 * DELETE on the status URL: a queued or running job is cancelled (its worker notices at its next
 * heartbeat and deletes what it wrote), a finished one has its files deleted now. Afterwards the
 * status URL answers 404. A job already cancelled, failed or expired is 404 too. Audited.
 */
export async function cancelBulkExport(ctx: UseCaseContext, config: Pick<Config, 'fhirExport'>, jobId: string): Promise<void> {
  const job = await ctx.db.selectFrom('fhir_export_jobs').select(['status']).where('id', '=', jobId).executeTakeFirstOrThrow();
  if (job.status !== 'queued' && job.status !== 'running' && job.status !== 'completed') {
    throw new AppError('not_found', 'This export has already ended; there is nothing to cancel.');
  }
  const done = await ctx.db
    .updateTable('fhir_export_jobs')
    .set({ status: 'cancelled', claim: null, finished_at: ctx.now.toISOString(), progress: 'Cancelled.' })
    .where('id', '=', jobId)
    .where('status', '=', job.status)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new AppError('conflict', 'The export changed while you cancelled it. Look again.');
  await ctx.audit({ action: 'fhir.bulk_export.cancel', resourceType: 'fhir_export', resourceId: jobId, detail: { was: job.status } });
  // A finished job's files go at once; a running job's worker deletes its own when it sees the cancellation.
  if (job.status === 'completed') await afterCommit(ctx.db, () => fs.rmSync(jobDir(config, jobId), { recursive: true, force: true }));
}
