import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/env.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { jobDir } from './bulk-files.js';

/**
 * One ndjson file of the caller's finished export, opened as a stream (never read into memory).
 * A file of a job that is cancelled or expired, or missing from disk, answers 404. Audited with
 * the resource type and count, never the contents.
 */
export async function openBulkExportFile(ctx: UseCaseContext, config: Pick<Config, 'fhirExport'>, fileId: string) {
  const file = await ctx.db
    .selectFrom('fhir_export_files as f')
    .innerJoin('fhir_export_jobs as j', 'j.id', 'f.job_id')
    .select(['f.job_id', 'f.resource_type', 'f.file_name', 'f.count', 'f.bytes', 'j.status'])
    .where('f.id', '=', fileId)
    .executeTakeFirstOrThrow();
  if (file.status !== 'completed') throw new AppError('not_found', 'This export’s files are no longer kept. Start a new export.');
  const fullPath = path.join(jobDir(config, file.job_id), file.file_name);
  let stream: fs.ReadStream;
  try {
    const handle = await fs.promises.open(fullPath, 'r');
    stream = handle.createReadStream();
  } catch {
    throw new AppError('not_found', 'This file is not on this server’s disk (HEARTH_FHIR_EXPORT_DIR must be shared by every instance). Start a new export.');
  }
  await ctx.audit({ action: 'fhir.bulk_export.download', resourceType: 'fhir_export', resourceId: file.job_id, detail: { type: file.resource_type, count: file.count } });
  return { stream, bytes: file.bytes, fileName: file.file_name };
}
