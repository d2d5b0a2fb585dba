import { BULK_EXPORT_TYPES, type BulkExportType } from '../../../shared/schemas/fhir.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/record.js';
import { runExportJob, type ExportDeps } from './bulk-runner.js';

/** Where the export was asked for: the whole service, or every patient (their compartment only). */
export type ExportLevel = 'system' | 'patient';

/** Group is not in the Patient compartment: a Patient-level export leaves it out. */
const TYPES_AT: Record<ExportLevel, readonly BulkExportType[]> = {
  system: BULK_EXPORT_TYPES,
  patient: BULK_EXPORT_TYPES.filter((t) => t !== 'Group'),
};
const NDJSON_FORMATS = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'];

export interface KickoffInput {
  level: ExportLevel;
  /** The Prefer header as sent. */
  prefer: string | undefined;
  type: string | undefined;
  since: string | undefined;
  outputFormat: string | undefined;
  /** The kick-off URL as the client asked for it (absolute). */
  requestUrl: string;
  /** Base of the resources' URLs (HEARTH_FHIR_BASE or derived). */
  fhirBase: string;
  /** Origin the status and file links point to. */
  origin: string;
}

/** The resource types a `_type` list names, all of the level's when absent; 400 for any Hearth does not export. */
export function requestedTypes(level: ExportLevel, type: string | undefined): BulkExportType[] {
  const allowed = TYPES_AT[level];
  if (type === undefined || type.trim() === '') return [...allowed];
  const asked = [
    ...new Set(
      type
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = asked.filter((t) => !(allowed as readonly string[]).includes(t));
  if (unknown.length) {
    throw new AppError(
      'unsupported_resource_type',
      `Hearth does not export ${unknown.join(', ')}${level === 'patient' ? ' at Patient level' : ''}. It exports: ${allowed.join(', ')}.`,
      [{ path: 'query._type', message: `Unsupported: ${unknown.join(', ')}` }],
    );
  }
  return allowed.filter((t) => asked.includes(t));
}

/**
 * FHIR Bulk Data kick-off (GET [base]/$export or [base]/Patient/$export with Prefer: respond-async):
 * checks the request, records the job and its audit row in one transaction, and starts it once
 * that has committed. One job queued or running per administrator (429 export_in_progress with
 * Retry-After). Returns the status URL for Content-Location.
 */
export async function startBulkExport(ctx: UseCaseContext, deps: ExportDeps, input: KickoffInput): Promise<{ jobId: string; statusUrl: string }> {
  if (!input.prefer?.split(/[,;]/).some((p) => p.trim().toLowerCase() === 'respond-async')) {
    throw new AppError('respond_async_required', 'A bulk export runs in the background: send the header Prefer: respond-async.', [
      { path: 'header.prefer', message: 'Must include respond-async.' },
    ]);
  }
  if (input.outputFormat !== undefined && !NDJSON_FORMATS.includes(input.outputFormat)) {
    throw new AppError('unsupported_output_format', 'Hearth writes application/fhir+ndjson only.', [
      { path: 'query._outputFormat', message: `Unsupported: ${input.outputFormat}` },
    ]);
  }
  const types = requestedTypes(input.level, input.type);
  const since = input.since === undefined ? null : new Date(input.since).toISOString();
  const userId = ctx.principal.userId;
  const active = await ctx.db.selectFrom('fhir_export_jobs').select('id').where('requested_by', '=', userId).where('status', 'in', ['queued', 'running']).executeTakeFirst();
  if (active) throw inProgress(input.origin, active.id);
  const jobId = newId();
  const now = ctx.now.toISOString();
  try {
    await (ctx.db as Db).transaction().execute(async (trx) => {
      await trx
        .insertInto('fhir_export_jobs')
        .values({
          id: jobId,
          requested_by: userId,
          status: 'queued',
          level: input.level,
          request_url: input.requestUrl,
          types: JSON.stringify(types),
          since,
          fhir_base: input.fhirBase,
          file_base: `${input.origin}/api/fhir/bulk-files`,
          transaction_time: now,
          progress: 'Waiting to start.',
          created_at: now,
        })
        .execute();
      await recordAudit(
        trx,
        ctx.actor,
        { action: 'fhir.bulk_export.start', resourceType: 'fhir_export', resourceId: jobId, detail: { level: input.level, types: types.join(','), since: since ?? '' } },
        ctx.now,
      );
    });
  } catch (error) {
    // Two kick-offs at once: the partial unique index lets one through.
    const again = await ctx.db.selectFrom('fhir_export_jobs').select('id').where('requested_by', '=', userId).where('status', 'in', ['queued', 'running']).executeTakeFirst();
    if (again) throw inProgress(input.origin, again.id);
    throw error;
  }
  void runExportJob(deps, jobId);
  return { jobId, statusUrl: statusUrlOf(input.origin, jobId) };
}

/** The status URL a client polls. */
export function statusUrlOf(origin: string, jobId: string): string {
  return `${origin}/api/fhir/bulk-status/${jobId}`;
}

function inProgress(origin: string, jobId: string): AppError {
  return new AppError(
    'export_in_progress',
    `You already have an export running (${statusUrlOf(origin, jobId)}). Wait for it to finish, or cancel it, before starting another.`,
  ).withRetryAfter(30);
}
