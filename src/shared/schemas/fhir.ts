import { z } from 'zod';

// FHIR exports (server/modules/fhir/routes.ts). Their answers are FHIR R4 JSON (application/fhir+json),
// checked in tests against the official R4 JSON schema rather than declared here.

/** `collection` (a record to keep or read) or `transaction` (ready to POST to an EHR's FHIR endpoint). */
export const fhirBundleTypeSchema = z.enum(['collection', 'transaction']);
export type FhirBundleType = z.infer<typeof fhirBundleTypeSchema>;

export const fhirBundleQuerySchema = z.strictObject({ type: fhirBundleTypeSchema.default('collection') });
