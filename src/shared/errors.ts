/** Stable error codes a program can rely on, with the HTTP status each maps to. */
export const errorStatus = {
  validation_failed: 400,
  malformed_json: 400,
  bad_request: 400,
  // The Idempotency-Key header is empty, over 255 characters, sent twice or has control characters.
  invalid_idempotency_key: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_code: 401,
  mfa_required: 401,
  session_expired: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  schedule_overlap: 409,
  group_full: 409,
  // A group's capacity may not go below the members it already has.
  capacity_below_members: 409,
  pseudonym_taken: 409,
  agreement_outdated: 409,
  already_reacted: 409,
  already_shared: 409,
  already_in_library: 409,
  email_taken: 409,
  // The record number already belongs to another participant.
  identifier_taken: 409,
  // The record number taken at referral differs from the one already on the person's record.
  identifier_conflict: 409,
  // The Idempotency-Key was already used with a different request (another body or address).
  idempotency_key_reused: 409,
  // A request with the same Idempotency-Key is still running: retry after Retry-After.
  idempotency_in_progress: 409,
  // The person's data was already erased (a second erasure is refused; the first one's report stays).
  already_erased: 409,
  invitation_invalid: 410,
  // An offer link that is unknown, forged or replaced by a newer offer.
  offer_link_invalid: 404,
  // The offer was already answered (through this link or by the service).
  offer_link_used: 409,
  // A signed-in person opened an offer link that is someone else's.
  offer_wrong_person: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  weak_password: 422,
  invalid_state: 422,
  invalid_schedule: 422,
  invalid_definition: 422,
  not_a_member: 422,
  session_cancelled: 422,
  note_signed: 422,
  note_incomplete: 422,
  // A programme's note template that is not free, DAP or SOAP.
  unknown_note_template: 422,
  // A group-note section the note's template does not have.
  unknown_note_section: 422,
  offer_expired: 422,
  contact_details_refused: 422,
  // A phone number not valid for the service's country (contact details, one's own mobile): lib/phone.ts.
  invalid_phone: 422,
  // A record number (NHS number, MRN) that fails its identifier system's format or check digit.
  invalid_identifier: 422,
  // Claim fields (issue 15): an ICD-10 code, date of birth or professional identifier by format.
  invalid_diagnosis_code: 422,
  invalid_date_of_birth: 422,
  invalid_professional_identifier: 422,
  // A staff profile asked for a participant's account.
  not_staff: 422,
  // A billing column choice naming a column that does not exist, twice, or none at all.
  unknown_billing_column: 422,
  invalid_billing_columns: 422,
  blocked_phrase: 422,
  own_strategy: 422,
  cannot_appreciate_self: 422,
  milestone_not_reached: 422,
  rota_overlap: 422,
  not_a_clinician: 422,
  invalid_push_subscription: 422,
  // A notification preference for a channel the person has no address for (text messages without a mobile number).
  no_address_for_channel: 422,
  // A notification channel the service does not offer (text messages without an SMS gateway).
  channel_unavailable: 422,
  // A notification kind that is not for this person (a member's digest, staff's session reminders).
  preference_not_offered: 422,
  push_unavailable: 422,
  // Erasure is for participants: a staff account is deactivated instead (its name stays on the records it signed).
  erasure_not_supported: 422,
  // FHIR $export kick-off: Prefer: respond-async missing, a resource type Hearth does not export,
  // or an output format other than ndjson (answered as an OperationOutcome).
  respond_async_required: 400,
  unsupported_resource_type: 400,
  unsupported_output_format: 400,
  // The administrator already has a FHIR $export queued or running: wait for it (Retry-After) or cancel it.
  export_in_progress: 429,
  too_many_attempts: 429,
  rate_limited: 429,
  internal: 500,
  // A FHIR $export job stopped with an error (its status URL answers this, as an OperationOutcome).
  export_failed: 500,
  // The database cannot be reached (PostgreSQL restarting, connections cut): retry shortly.
  database_unavailable: 503,
  // The disk holding the database is full: writes are refused until space is freed.
  storage_full: 503,
  // The database file could not be read or written (I/O error, read-only or damaged file).
  storage_error: 503,
  // /api/health/ready: the instance should not receive traffic yet.
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The one error body every route answers with. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId?: string;
    details?: { path: string; message: string }[];
    /** For 409 stale_version: the record as it now stands, so nothing typed is lost. */
    current?: unknown;
  };
}
