import { z } from 'zod';

/** The code system of Hearth's stable error codes, as they travel inside an OperationOutcome. */
export const HEARTH_ERROR_SYSTEM = 'https://hearth.dev/fhir/CodeSystem/error-code';

/**
 * Where the FHIR API lives: every answer under this prefix — a refusal too, and a URL that names
 * nothing — is FHIR, so a refusal is an OperationOutcome (application/fhir+json), as a FHIR
 * client expects. The error handler, the not-found answer and the OpenAPI document all ask here.
 */
export const FHIR_API_PREFIX = '/api/fhir/';

/** Whether a request to (or a route at) this URL answers refusals as an OperationOutcome. */
export function refusesAsOperationOutcome(url: string): boolean {
  return url.startsWith(FHIR_API_PREFIX);
}

/** An R4 OperationOutcome as Hearth writes one (refusals, kick-off notes, an export's error file). */
export const operationOutcomeSchema = z
  .object({
    resourceType: z.literal('OperationOutcome'),
    issue: z
      .array(
        z.object({
          severity: z.enum(['fatal', 'error', 'warning', 'information']),
          code: z.string().describe('R4 issue-type: security, not-found, conflict, throttled, invalid, processing, exception, informational'),
          details: z
            .object({
              coding: z.array(z.object({ system: z.string(), code: z.string() })).describe(`A refusal's stable Hearth error code, system ${HEARTH_ERROR_SYSTEM}`),
              text: z.string(),
            })
            .optional(),
          diagnostics: z.string().optional(),
          expression: z.array(z.string()).optional().describe('The fields that failed validation'),
        }),
      )
      .min(1),
  })
  .describe('FHIR R4 OperationOutcome');

export type OperationOutcome = z.infer<typeof operationOutcomeSchema>;

/** The FHIR issue type for an HTTP status (R4 value set issue-type). */
function issueType(status: number): string {
  if (status === 401 || status === 403) return 'security';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  if (status === 400 || status === 422) return 'invalid';
  return status >= 500 ? 'exception' : 'processing';
}

/**
 * A Hearth error as a FHIR OperationOutcome: the FHIR endpoints (`/api/fhir/…`, the Bulk Data
 * $export) answer failures in FHIR's shape. The stable code is kept as a coding, the message as
 * the text, and each field that failed as an expression.
 */
export function errorAsOperationOutcome(status: number, code: string, message: string, details?: readonly { path: string; message: string }[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: status >= 500 ? 'fatal' : 'error',
        code: issueType(status),
        details: { coding: [{ system: HEARTH_ERROR_SYSTEM, code }], text: message },
        ...(details?.length ? { diagnostics: details.map((d) => `${d.path}: ${d.message}`).join('\n'), expression: details.map((d) => d.path) } : {}),
      },
    ],
  };
}

/** An informational OperationOutcome (a kick-off accepted, a job cancelled). */
export function informationOutcome(text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', diagnostics: text }] };
}

/** A resource the export could not write, as a line of its error file (the manifest's `error`). */
export function exportProblem(reference: string, text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', diagnostics: `${reference}: ${text}` }] };
}
