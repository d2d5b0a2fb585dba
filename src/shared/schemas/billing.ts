import { z } from 'zod';

// Claim-ready billing (issue 15 item 4): the fields a claim needs when the service records them,
// and the per-service choice of the billing export's columns. The checks that answer 422 live here
// so the screens can say the same thing before sending.

/** ICD-10: a letter, two digits, then optionally a full stop and up to four letters or digits (F41.1, F32, Z63.79). */
export const DIAGNOSIS_CODE_PATTERN = /^[A-Z][0-9]{2}(\.?[A-Z0-9]{1,4})?$/;
export const DIAGNOSIS_CODE_MAX = 8;

/** The diagnosis code as stored (trimmed, upper case), or null when it is not an ICD-10 code by format. */
export function normaliseDiagnosisCode(typed: string): string | null {
  const code = typed.trim().toUpperCase();
  return DIAGNOSIS_CODE_PATTERN.test(code) ? code : null;
}

/**
 * A professional identifier (NPI, GMC, NMC PIN, HCPC registration…): 3 to 32 letters, digits,
 * spaces, hyphens, full stops or slashes, starting with a letter or digit. No check digit is
 * assumed: the registers differ and Hearth keeps what the register issued.
 */
export const PROFESSIONAL_IDENTIFIER_MIN = 3;
export const PROFESSIONAL_IDENTIFIER_MAX = 32;
const PROFESSIONAL_IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ./-]*$/;

/** The identifier as stored (trimmed, inner spaces collapsed), or null when it breaks the rule above. */
export function normaliseProfessionalIdentifier(typed: string): string | null {
  const value = typed.trim().replace(/\s+/g, ' ');
  if (value.length < PROFESSIONAL_IDENTIFIER_MIN || value.length > PROFESSIONAL_IDENTIFIER_MAX) return null;
  return PROFESSIONAL_IDENTIFIER_PATTERN.test(value) ? value : null;
}

/** Place of service: a code such as CMS's 53 (community mental health centre) or 02 (telehealth), or a local site code. */
export const PLACE_OF_SERVICE_MAX = 20;
export const placeOfServiceSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 .-]{0,19}$/, 'Use a place-of-service code such as 53 or 02 (letters, digits, spaces, hyphens; up to 20).');

/** The billing export's columns, in the default order; `claim` ones are the claim fields a service may record. */
export const BILLING_COLUMNS = [
  { key: 'date_of_service', header: 'Date of service', claim: false },
  { key: 'start_time', header: 'Start time', claim: false },
  { key: 'end_time', header: 'End time', claim: false },
  { key: 'time_zone', header: 'Time zone', claim: false },
  { key: 'duration_minutes', header: 'Duration minutes', claim: false },
  { key: 'group', header: 'Group', claim: false },
  { key: 'member_name', header: 'Member name', claim: false },
  { key: 'member_id', header: 'Member id', claim: false },
  { key: 'attendance', header: 'Attendance', claim: false },
  { key: 'billing_code', header: 'Billing code', claim: false },
  { key: 'rendering_facilitator', header: 'Rendering facilitator', claim: false },
  { key: 'record_number', header: 'Record number', claim: true },
  { key: 'date_of_birth', header: 'Date of birth', claim: true },
  { key: 'diagnosis_code', header: 'Diagnosis code (ICD-10)', claim: true },
  { key: 'facilitator_identifier', header: 'Facilitator professional identifier', claim: true },
  { key: 'place_of_service', header: 'Place of service', claim: true },
] as const;
export type BillingColumnKey = (typeof BILLING_COLUMNS)[number]['key'];
export const BILLING_COLUMN_KEYS: readonly string[] = BILLING_COLUMNS.map((c) => c.key);

/** GET/PUT /api/admin/billing-columns: the service's choice (null = the default: today's columns, then each claim column the export has values for). */
export const billingColumnsSchema = z.object({
  columns: z.array(z.string()).nullable(),
  available: z.array(z.object({ key: z.string(), header: z.string(), claim: z.boolean() })),
});
export type BillingColumns = z.infer<typeof billingColumnsSchema>;
/** Keys are checked by the use case (422 unknown_billing_column), so any string passes here. */
export const billingColumnsBodySchema = z.strictObject({
  columns: z
    .array(z.string().max(64))
    .max(BILLING_COLUMNS.length * 2)
    .nullable(),
});

/** An enrolment's claim details, as the record shows them to the group's clinicians. */
export const claimDetailsSchema = z.object({
  recordNumber: z.object({ system: z.string(), value: z.string() }).nullable(),
  dateOfBirth: z.string().nullable(),
  diagnosisCode: z.string().nullable(),
});
export type ClaimDetails = z.infer<typeof claimDetailsSchema>;

/**
 * PUT /api/enrolments/:enrolmentId/claim-details: each field left out is kept, null clears it.
 * The diagnosis code and record number are checked by the use case (422 invalid_diagnosis_code,
 * invalid_identifier), the date of birth here and there (422 invalid_date_of_birth).
 */
export const claimDetailsBodySchema = z.strictObject({
  recordNumber: z.string().max(64).nullable().optional(),
  dateOfBirth: z.string().max(10).nullable().optional().describe('YYYY-MM-DD'),
  diagnosisCode: z.string().max(32).nullable().optional().describe('ICD-10, e.g. F41.1'),
});
export type ClaimDetailsInput = z.infer<typeof claimDetailsBodySchema>;

/** A staff member's profile fields that claims use. */
export const staffProfileSchema = z.object({ userId: z.uuid(), professionalIdentifier: z.string().nullable() });
export type StaffProfile = z.infer<typeof staffProfileSchema>;
/** PUT /api/users/:userId/staff-profile: null clears; checked by the use case (422 invalid_professional_identifier). */
export const staffProfileBodySchema = z.strictObject({ professionalIdentifier: z.string().max(200).nullable() });
