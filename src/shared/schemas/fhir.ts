import { z } from 'zod';

// FHIR exports (server/modules/fhir/routes.ts). Their answers are FHIR R4 JSON (application/fhir+json),
// checked in tests against the official R4 JSON schema rather than declared here.

/** `collection` (a record to keep or read) or `transaction` (ready to POST to an EHR's FHIR endpoint). */
export const fhirBundleTypeSchema = z.enum(['collection', 'transaction']);
export type FhirBundleType = z.infer<typeof fhirBundleTypeSchema>;

export const fhirBundleQuerySchema = z.strictObject({ type: fhirBundleTypeSchema.default('collection') });

// FHIR Bulk Data Access (v2) $export (server/modules/fhir/bulk-*.ts).

/** The resource types a service-wide export writes, one ndjson file each, in this order. */
export const BULK_EXPORT_TYPES = ['Patient', 'Group', 'Encounter', 'Goal', 'Consent', 'Flag', 'QuestionnaireResponse', 'Observation'] as const;
export type BulkExportType = (typeof BULK_EXPORT_TYPES)[number];

/**
 * Kick-off parameters. `_type`: comma-separated resource types (unknown ones are refused with 400
 * unsupported_resource_type); `_since`: an instant, only resources changed after it;
 * `_outputFormat`: ndjson only. Any other parameter (_elements, _typeFilter, patient…) is refused.
 */
export const bulkExportKickoffQuerySchema = z.strictObject({
  _type: z.string().max(1000).optional(),
  _since: z.string().datetime({ offset: true, message: 'Give _since as a FHIR instant, e.g. 2026-01-01T00:00:00Z.' }).optional(),
  _outputFormat: z.string().max(100).optional(),
});

/** One file of a finished export, as the manifest lists it. */
export const bulkExportOutputSchema = z.object({ type: z.string(), url: z.string(), count: z.number().int() });

/**
 * The complete-status manifest (Bulk Data v2). `error`: an ndjson file of OperationOutcomes naming
 * records that could not be written (the rest of the export stands); a job that failed as a whole
 * answers 500 with an OperationOutcome instead.
 */
export const bulkExportManifestSchema = z.object({
  transactionTime: z.string(),
  request: z.string(),
  requiresAccessToken: z.boolean(),
  output: z.array(bulkExportOutputSchema),
  error: z.array(bulkExportOutputSchema),
});
export type BulkExportManifest = z.infer<typeof bulkExportManifestSchema>;

export const bulkExportStatusSchema = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled', 'expired']);

/** An administrator's export as the admin screen lists it. */
export const bulkExportJobSchema = z.object({
  id: z.string(),
  status: bulkExportStatusSchema,
  types: z.array(z.string()),
  since: z.string().nullable(),
  progress: z.string(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** The status URL a Bulk Data client polls. */
  statusUrl: z.string(),
  /** Its files when completed; type OperationOutcome is the error file. */
  output: z.array(bulkExportOutputSchema),
});
export type BulkExportJob = z.infer<typeof bulkExportJobSchema>;
export const bulkExportJobListSchema = z.object({ exports: z.array(bulkExportJobSchema) });
