import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulkExportJob, bulkExportJobListSchema } from '../../shared/schemas/fhir';
import type { z } from 'zod';
import { api, ApiError } from '../api/client';
import { adminKeys } from './api';

export type { BulkExportJob };
type BulkExportJobList = z.infer<typeof bulkExportJobListSchema>;

/** GET /api/fhir/bulk-exports: the administrator's latest exports, polled every second while one runs. */
export function useBulkExports() {
  return useQuery({
    queryKey: adminKeys.fhirExports,
    queryFn: () => api<BulkExportJobList>('GET', '/fhir/bulk-exports'),
    refetchInterval: (query) => (query.state.data?.exports.some((e) => e.status === 'queued' || e.status === 'running') ? 1000 : false),
  });
}

interface OperationOutcomeBody {
  resourceType?: string;
  issue?: { details?: { coding?: { code?: string }[]; text?: string }; diagnostics?: string }[];
}

/**
 * Kicks off GET /api/fhir/$export as a Bulk Data client would (Prefer: respond-async). Refusals
 * come back as OperationOutcomes carrying Hearth's error code, turned into an ApiError here.
 */
async function kickOff(): Promise<string> {
  let response: Response;
  try {
    response = await fetch('/api/fhir/$export', { headers: { prefer: 'respond-async', accept: 'application/fhir+json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', "We couldn't reach Hearth. Check your connection and try again.");
  }
  if (response.status === 202) return response.headers.get('content-location') ?? '';
  const body = (await response.json().catch(() => ({}))) as OperationOutcomeBody;
  const issue = body.issue?.[0];
  throw new ApiError(response.status, issue?.details?.coding?.[0]?.code ?? 'unexpected', issue?.details?.text ?? `The export could not start (HTTP ${response.status}).`);
}

export function useStartBulkExport() {
  const client = useQueryClient();
  return useMutation({ mutationFn: kickOff, onSettled: () => client.invalidateQueries({ queryKey: adminKeys.fhirExports }) });
}

/** DELETE on the status URL: cancels a running export, or deletes a finished one's files. */
export function useCancelBulkExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>('DELETE', `/fhir/bulk-status/${encodeURIComponent(id)}`),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.fhirExports }),
  });
}
