import type { Generated } from 'kysely';

/** Roles a user can hold. */
export type Role = 'admin' | 'clinician' | 'participant';
export type UserStatus = 'invited' | 'active' | 'deactivated';
/** Where a sign-in session stands with respect to the second factor. */
export type MfaState = 'verified' | 'required' | 'enrolment_required' | 'enrolment_offered';

// Timestamps are ISO-8601 UTC strings ("2026-11-26T12:00:00.000Z") on both databases, so they
// sort and compare the same way in SQLite and PostgreSQL. Booleans are 0/1 integers for the same reason.

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  status: UserStatus;
  password_hash: string | null;
  mfa_secret: string | null;
  mfa_enabled: number;
  mfa_last_step: number | null;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
  password_changed_at: string | null;
  /** Staff mobile for alert SMS, E.164 (validated for the service's country). */
  mobile_e164: string | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface AuthSessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  mfa_state: MfaState;
  created_at: string;
  last_seen_at: string;
  absolute_expires_at: string;
  user_agent: string | null;
  ip: string | null;
  ended_at: string | null;
  end_reason: string | null;
}

export interface InvitationsTable {
  id: string;
  user_id: string;
  token_hash: string;
  purpose: 'invite' | 'reset';
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuthAttemptsTable {
  id: string;
  key: string;
  at: string;
}

/** The single row /api/health/ready writes to prove the database accepts writes. */
export interface HealthProbeTable {
  id: string;
  checked_at: string;
}

/** A token bucket shared by every instance (rate limits that must hold across instances). */
export interface RateBucketsTable {
  key: string;
  tokens: number;
  /** Milliseconds since the epoch when `tokens` was last computed (a string on PostgreSQL: bigint). */
  at_ms: number | string;
}

/** A caller's Idempotency-Key on a write route: pending while the write runs, then its answer. */
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  fingerprint: string;
  status: 'pending' | 'done';
  claim: string;
  claimed_at: string;
  response_status: number | null;
  response_body: string | null;
  created_at: string;
}

export interface AuditEventsTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  group_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  request_id: string | null;
  ip: string | null;
  detail: string | null;
}

export interface ProgrammesTable {
  id: string;
  name: string;
  description: string;
  created_at: string;
}

export type GroupStatus = 'forming' | 'active' | 'completed' | 'cancelled';

export interface TherapyGroupsTable {
  id: string;
  programme_id: string;
  name: string;
  status: GroupStatus;
  created_at: string;
  kind: Generated<'closed' | 'open'>;
  capacity: Generated<number>;
  min_size: Generated<number>;
  /** RRULE body (no DTSTART), expanded in the group's wall-clock time. */
  rrule: string | null;
  /** IANA time zone of the schedule, e.g. Europe/London. */
  timezone: Generated<string>;
  /** First session in local wall-clock time, `YYYY-MM-DDTHH:mm`. */
  first_session_local: string | null;
  duration_minutes: Generated<number>;
  location: string | null;
  meeting_url: string | null;
  billing_code: Generated<string>;
  updated_at: string | null;
  /** 'pre': every post waits for a clinician; 'post': posts publish and are reviewed after. */
  moderation_mode: Generated<'pre' | 'post'>;
  /** JSON [{weekday 1–7 (ISO, Monday 1), start 'HH:mm', end 'HH:mm'}] in the group's time zone. */
  staffed_hours: Generated<string>;
  /** The claim's place of service for the group's sessions; null when the service does not record it. */
  place_of_service: string | null;
}

export interface SessionPlansTable {
  id: string;
  programme_id: string;
  position: number;
  topic: string;
  skill_focus: string;
  /** JSON array of strings. */
  exercises: string;
  /** JSON array of strings. */
  reflection_prompts: string;
}

export interface GroupAgreementsTable {
  id: string;
  programme_id: string;
  version: number;
  body: string;
  created_by: string | null;
  created_at: string;
  /** 1 when this version was made while risk in the private journal alerted clinicians. */
  journal_alerts: Generated<number>;
}

export type ReferralStatus = 'referred' | 'not_suitable' | 'waitlisted' | 'offered' | 'declined' | 'expired' | 'enrolled' | 'withdrawn';

export interface ReferralsTable {
  id: string;
  group_id: string;
  person_name: string;
  person_email: string;
  participant_id: string | null;
  referred_by: string;
  reason: string;
  status: ReferralStatus;
  suitability: 'suitable' | 'not_suitable' | null;
  intake_notes: string | null;
  screened_by: string | null;
  screened_at: string | null;
  priority: Generated<number>;
  waitlisted_at: string | null;
  offered_at: string | null;
  offer_expires_at: string | null;
  responded_at: string | null;
  outcome_reason: string | null;
  enrolment_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgreementAcceptancesTable {
  id: string;
  enrolment_id: string;
  agreement_id: string;
  version: number;
  accepted_at: string;
}

export type SessionStatus = 'scheduled' | 'held' | 'cancelled';

export interface GroupSessionsTable {
  id: string;
  group_id: string;
  starts_at: string;
  ends_at: string;
  plan_id: string | null;
  topic: string;
  status: SessionStatus;
  origin: 'schedule' | 'manual';
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
  /** Where a moved session was first scheduled; that slot is never generated again. */
  original_starts_at: string | null;
}

export type AttendanceStatus = 'present' | 'late' | 'left_early' | 'excused' | 'absent';

export interface AttendanceTable {
  session_id: string;
  enrolment_id: string;
  status: AttendanceStatus;
  /** Minutes late or minutes left early. */
  minutes: number | null;
  recorded_by: string;
  recorded_at: string;
}

export interface GroupNotesTable {
  id: string;
  session_id: string;
  status: 'draft' | 'signed';
  version: number;
  themes: string;
  interventions: string;
  group_process: string;
  created_by: string;
  updated_by: string;
  updated_at: string;
  signed_by: string | null;
  signed_at: string | null;
  cosigned_by: string | null;
  cosigned_at: string | null;
  /** The structure the note was started with: free (the three columns above), DAP or SOAP. */
  template_kind: Generated<'free' | 'dap' | 'soap'>;
  /** The programme's note-template version it was started from; null before templates existed. */
  template_version: number | null;
  /** JSON {sectionKey: text}: a DAP or SOAP note's group section; null for free notes. */
  sections: string | null;
  /** JSON {sectionKey: text}: what the draft was pre-filled with (an untouched pre-fill is not content). */
  prefill: string | null;
}

/** A version of a programme's note template: the structure its new group notes take. */
export interface ProgrammeNoteTemplatesTable {
  id: string;
  programme_id: string;
  version: number;
  kind: 'free' | 'dap' | 'soap';
  created_by: string | null;
  created_at: string;
}

export interface NoteMemberEntriesTable {
  note_id: string;
  enrolment_id: string;
  body: string;
}

export interface NoteVersionsTable {
  id: string;
  note_id: string;
  version: number;
  kind: 'draft' | 'signed' | 'cosigned';
  content: string;
  saved_by: string;
  saved_at: string;
}

export interface NoteAddendaTable {
  id: string;
  note_id: string;
  body: string;
  author_id: string;
  created_at: string;
}

export interface BreakGlassGrantsTable {
  id: string;
  user_id: string;
  group_id: string;
  reason: string;
  created_at: string;
  expires_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  group_id: string | null;
  session_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface CalendarFeedsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** What a participant chose to see on their home (migration 20261205T1320_home_preferences). */
export interface HomePreferencesTable {
  user_id: string;
  /** 0/1 */
  show_connections: number;
  updated_at: string;
}

export interface CalendarPreferencesTable {
  user_id: string;
  /** 0/1 */
  show_location: number;
  /** 0/1 */
  show_service_name: number;
  updated_at: string;
}

export interface GroupFacilitatorsTable {
  group_id: string;
  user_id: string;
  facilitator_role: 'lead' | 'co';
}

export type EnrolmentStatus = 'invited' | 'active' | 'paused' | 'completed' | 'withdrawn';

export interface EnrolmentsTable {
  id: string;
  group_id: string;
  participant_id: string;
  pseudonym: string;
  status: EnrolmentStatus;
  joined_at: string | null;
  left_at: string | null;
  created_at: string;
  referral_id: string | null;
  status_reason: string | null;
  status_changed_at: string | null;
  agreement_version: number | null;
  agreement_accepted_at: string | null;
  /** ICD-10 diagnosis code for claims (upper case, e.g. F41.1); null when not recorded. */
  diagnosis_code: string | null;
}

export interface InstrumentsTable {
  id: string;
  code: string;
  version: number;
  kind: 'validated' | 'programme';
  title: string;
  /** The declarative definition, JSON. */
  definition: string;
  source: 'builtin' | 'imported';
  status: 'active' | 'retired';
  created_by: string | null;
  created_at: string;
}

export type MeasureTrigger = 'enrolment' | 'every_n_sessions' | 'completion' | 'session_start';

export interface MeasureSchedulesTable {
  id: string;
  programme_id: string | null;
  group_id: string | null;
  instrument_code: string;
  trigger: MeasureTrigger;
  every_n: number | null;
  created_by: string | null;
  created_at: string;
}

export interface MeasureRequestsTable {
  id: string;
  enrolment_id: string;
  participant_id: string;
  instrument_code: string;
  schedule_id: string | null;
  session_id: string | null;
  /** Why it is due, unique per enrolment and instrument: 'enrolment', 'session:<n>', 'completion'. */
  reason: string;
  due_at: string;
  status: 'due' | 'completed' | 'cancelled';
  response_id: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface MeasureResponsesTable {
  id: string;
  participant_id: string;
  enrolment_id: string | null;
  group_id: string | null;
  request_id: string | null;
  instrument_code: string;
  instrument_version: number;
  /** JSON object linkId → value. */
  answers: string;
  total: number;
  band: string | null;
  caseness: number;
  prorated: number;
  idempotency_key: string;
  submitted_at: string;
}

/** One participant's course on one instrument in one group: first and last score, kept on every submission. */
export interface MeasureCoursesTable {
  participant_id: string;
  instrument_code: string;
  /** The group's id, or '' for responses given outside any group. */
  group_key: string;
  first_at: string;
  first_total: number;
  last_at: string;
  last_total: number;
  last_enrolment_id: string | null;
  responses: number;
}

export type AlertTier = 'concern' | 'urgent';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';
export type AlertOutcome = 'false_positive' | 'check_in_done' | 'safety_plan_reviewed' | 'escalated';

export interface AlertsTable {
  id: string;
  kind: string;
  tier: AlertTier;
  participant_id: string;
  enrolment_id: string | null;
  group_id: string | null;
  source_type: string;
  source_id: string;
  summary: string;
  status: AlertStatus;
  outcome: AlertOutcome | null;
  resolution_note: string | null;
  created_at: string;
  ack_due_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  escalated_at: string | null;
  escalated_to: string | null;
  /** Escalation steps taken so far (0 = none; see modules/delivery/escalate.ts). */
  escalation_level: Generated<number>;
  /** When the next escalation step is due while the alert stays unacknowledged; null = no step left. */
  next_escalation_at: string | null;
}

/** A dated duty shift: who is the service's duty clinician from `starts_at` until `ends_at`. */
export interface RotaShiftsTable {
  id: string;
  clinician_id: string;
  starts_at: string;
  ends_at: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export type AlertRecipientReason = 'facilitator' | 'duty' | 'fallback' | 'escalation';

/** Everyone an alert was sent to, and why (they answer for it from then on). */
export interface AlertRecipientsTable {
  alert_id: string;
  user_id: string;
  reason: AlertRecipientReason;
  step: number;
  added_at: string;
}

/** A browser (device) of a clinician that accepts Web Push. */
export interface PushSubscriptionsTable {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  device_label: string | null;
  created_at: string;
  last_success_at: string | null;
}

export type DeliveryChannel = 'in_app' | 'push' | 'email' | 'sms';
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** One attempt to reach one person about one alert on one channel, and its outcome. */
export interface AlertDeliveriesTable {
  id: string;
  alert_id: string;
  step: number;
  recipient_id: string;
  channel: DeliveryChannel;
  target: string;
  status: DeliveryStatus;
  error: string | null;
  claimed_at: string | null;
  queued_at: string;
  attempted_at: string | null;
  latency_ms: number | null;
}

/** Text messages as handed to the SMS adapter (the outbox adapter keeps them here to read). */
export interface SmsOutboxTable {
  id: string;
  to_e164: string;
  body_text: string;
  created_at: string;
}

/** One item behind an alert (a folded alert has several); the alert's tier is the highest of them. */
export interface AlertSourcesTable {
  alert_id: string;
  source_type: string;
  source_id: string;
  tier: AlertTier;
  created_at: string;
}

export interface ServiceSettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export type GoalVisibility = 'private' | 'clinicians' | 'group';
/** Moderation state of an item shown to a group (null while not shared). */
export type ModerationStatus = 'published' | 'held' | 'rejected' | 'removed';

export interface GoalsTable {
  id: string;
  participant_id: string;
  enrolment_id: string | null;
  area: string;
  action: string;
  frequency: string;
  target_date: string;
  support_needed: string;
  visibility: GoalVisibility;
  shared_group_id: string | null;
  shared_enrolment_id: string | null;
  moderation_status: ModerationStatus | null;
  shared_at: string | null;
  status: 'active' | 'achieved' | 'closed';
  created_at: string;
  updated_at: string;
}

export type GoalProgress = 'not_yet' | 'some' | 'most' | 'done';

export interface GoalCheckinsTable {
  id: string;
  goal_id: string;
  progress: GoalProgress;
  note: string;
  created_at: string;
}

export interface GoalMilestonesTable {
  id: string;
  goal_id: string;
  position: number;
  title: string;
  reached_at: string | null;
  reached_note: string | null;
}

export interface CelebrationsTable {
  id: string;
  goal_id: string;
  milestone_id: string;
  participant_id: string;
  enrolment_id: string;
  group_id: string;
  detail: 'reached' | 'title' | 'title_note';
  title: string | null;
  note: string | null;
  moderation_status: ModerationStatus;
  created_at: string;
  withdrawn_at: string | null;
}

export interface SkillPracticesTable {
  id: string;
  participant_id: string;
  enrolment_id: string | null;
  skill: string;
  situation: string;
  tried: string;
  rating: number;
  shared_group_id: string | null;
  shared_enrolment_id: string | null;
  moderation_status: ModerationStatus | null;
  shared_at: string | null;
  created_at: string;
}

export interface JournalEntriesTable {
  id: string;
  participant_id: string;
  prompt: string | null;
  body: string;
  shared_with_clinician_at: string | null;
  created_at: string;
  updated_at: string;
}

export type SupportiveReaction = 'clap' | 'heart' | 'growing' | 'proud';

export interface SupportiveReactionsTable {
  id: string;
  target_kind: 'celebration' | 'skill_practice';
  target_id: string;
  reactor_id: string;
  reactor_enrolment_id: string;
  reaction: SupportiveReaction;
  created_at: string;
}

// The peer exchange (migration 20261126T1610_strategies_feedback).
export type StrategyMarkState = 'try' | 'helped' | 'didnt_help';

export interface StrategiesTable {
  id: string;
  group_id: string;
  enrolment_id: string;
  author_id: string;
  title: string;
  when_helps: string;
  steps: string;
  moderation_status: ModerationStatus;
  created_at: string;
  updated_at: string;
}

export interface StrategyMarksTable {
  strategy_id: string;
  enrolment_id: string;
  state: StrategyMarkState;
  created_at: string;
  updated_at: string;
}

export interface LibraryEntriesTable {
  id: string;
  programme_id: string;
  /** The group the strategy was shared in: its facilitators may uncurate it. */
  group_id: string;
  strategy_id: string | null;
  title: string;
  when_helps: string;
  steps: string;
  credit: 'pseudonym' | 'anonymous';
  credit_name: string | null;
  evidence_note: string | null;
  /** Lower-cased title, when and steps, searched with LIKE on both databases. */
  search_text: string;
  status: 'active' | 'removed';
  curated_by: string;
  curated_at: string;
  removed_by: string | null;
  removed_at: string | null;
  removal_reason: string | null;
}

export interface AppreciationsTable {
  id: string;
  group_id: string;
  sender_enrolment_id: string;
  sender_id: string;
  session_id: string | null;
  body: string;
  moderation_status: ModerationStatus;
  created_at: string;
}

export interface AppreciationRecipientsTable {
  appreciation_id: string;
  recipient_enrolment_id: string;
  recipient_id: string;
  created_at: string;
}

export interface FeedbackItemsTable {
  id: string;
  group_id: string;
  /** null for a feedback request; the request's id for a reply. */
  parent_id: string | null;
  enrolment_id: string;
  author_id: string;
  body: string;
  moderation_status: ModerationStatus;
  created_at: string;
}

export interface SeenMarkersTable {
  user_id: string;
  marker: string;
  seen_at: string;
}

export type WatchedPhraseAction = 'block' | 'hold' | 'flag' | 'redact';

export interface WatchedPhrasesTable {
  id: string;
  phrase: string;
  normalized: string;
  action: WatchedPhraseAction;
  note: string | null;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

/** Append-only: every moderation decision and action on an item shown to a group. */
export interface ModerationLogTable {
  id: string;
  item_kind: string;
  item_id: string;
  group_id: string;
  author_id: string;
  /** null = the system (automatic decision). */
  actor_id: string | null;
  action: string;
  reason: string;
  risk_tier: Generated<'none' | 'concern' | 'urgent'>;
  created_at: string;
}

export interface SafetyPlansTable {
  id: string;
  participant_id: string;
  /** JSON arrays of strings. */
  warning_signs: string;
  coping_steps: string;
  distractions: string;
  /** JSON arrays of {name, contact}. */
  help_contacts: string;
  professionals: string;
  safe_environment: string;
  reasons_for_living: string;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export type ContactMethod = 'phone' | 'sms' | 'email' | 'letter';

/** How to reach a member (phones in E.164). Keyed by participant, or by referral before an account exists. */
export interface ParticipantContactsTable {
  id: string;
  participant_id: string | null;
  referral_id: string | null;
  mobile_phone: string | null;
  home_phone: string | null;
  preferred_method: ContactMethod | null;
  preferred_times: string | null;
  emergency_name: string | null;
  emergency_relation: string | null;
  emergency_phone: string | null;
  /** 0/1; null while the member has not said. */
  emergency_consent: number | null;
  emergency_consent_at: string | null;
  gp_practice: string | null;
  gp_name: string | null;
  gp_phone: string | null;
  gp_address: string | null;
  contact_risk_note: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

/** A person's local record number under its FHIR identifier system. Keyed by participant, or by referral before an account exists. */
export type FhirExportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'expired';

/** A FHIR Bulk Data $export job (modules/fhir/bulk): what was asked, how far it got, when its files go. */
export interface FhirExportJobsTable {
  id: string;
  requested_by: string;
  status: FhirExportStatus;
  level: 'system' | 'patient';
  request_url: string;
  /** JSON array of resource types. */
  types: string;
  since: string | null;
  fhir_base: string;
  file_base: string;
  transaction_time: string;
  progress: string;
  error: string | null;
  created_at: string;
  started_at: string | null;
  heartbeat_at: string | null;
  claim: string | null;
  attempts: Generated<number>;
  finished_at: string | null;
  expires_at: string | null;
}

/** One ndjson file of a finished export job. */
export interface FhirExportFilesTable {
  id: string;
  job_id: string;
  resource_type: string;
  file_name: string;
  count: number;
  bytes: number;
  position: number;
}

/** A participant's date of birth (YYYY-MM-DD), recorded where the service bills. */
export interface ParticipantProfilesTable {
  participant_id: string;
  date_of_birth: string | null;
  updated_at: string;
  updated_by: string;
}

/** A staff member's professional identifier (NPI, GMC, HCPC… number), the rendering provider on a claim. */
export interface StaffProfilesTable {
  user_id: string;
  professional_identifier: string | null;
  updated_at: string;
  updated_by: string;
}

export interface PatientIdentifiersTable {
  id: string;
  participant_id: string | null;
  referral_id: string | null;
  system: string;
  value: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export type SpaceModerationStatus = 'published' | 'held' | 'rejected' | 'removed';

/** An erasure processed by an administrator: the policy applied and the report, JSON (migration 20261206T1500_erasure_requests). */
export interface ErasureRequestsTable {
  id: string;
  user_id: string;
  requested_by: string;
  reason: string;
  policy: string;
  report: string;
  created_at: string;
}

export interface SpaceCountersTable {
  group_id: string;
  last_seq: number;
}

export interface SpaceThreadsTable {
  id: string;
  group_id: string;
  title: string;
  created_by: string;
  created_by_enrolment: string | null;
  opening_post_id: string | null;
  pinned: Generated<number>;
  created_at: string;
}

export interface SpacePostsTable {
  id: string;
  group_id: string;
  thread_id: string | null;
  kind: 'post' | 'message';
  seq: number;
  version_seq: number;
  author_id: string;
  enrolment_id: string | null;
  author_role: Role;
  client_id: string | null;
  body: string;
  reply_to_id: string | null;
  moderation_status: SpaceModerationStatus;
  moderation_reasons: string | null;
  status_reason: string | null;
  created_at: string;
  edited_at: string | null;
  removed_at: string | null;
  removed_by: string | null;
}

export interface SpaceReadMarkersTable {
  user_id: string;
  group_id: string;
  thread_key: string;
  last_seq: number;
  updated_at: string;
}

export interface SpaceReportsTable {
  id: string;
  group_id: string;
  post_id: string;
  reporter_id: string;
  kind: 'worried' | 'agreement';
  note: string | null;
  alert_id: string | null;
  created_at: string;
}

export interface SpaceMutesTable {
  group_id: string;
  user_id: string;
  muted_enrolment_id: string;
  created_at: string;
}

export interface SpaceBlocksTable {
  group_id: string;
  blocker_enrolment_id: string;
  blocked_enrolment_id: string;
  created_at: string;
}

export interface SpaceTagsTable {
  id: string;
  group_id: string;
  post_id: string;
  tagged_by: string;
  note: string | null;
  session_id: string | null;
  created_at: string;
}

/** A facilitator digest built before a session: what happened in the group since the last one. */
export interface SessionDigestsTable {
  id: string;
  session_id: string;
  group_id: string;
  /** JSON of the digest's sections (see modules/digest/build-digest.ts). */
  content: string;
  created_at: string;
}

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'outbox';

/** Outgoing e-mail: delivered over SMTP when configured, else kept here for administrators to read. */
export interface MailOutboxTable {
  id: string;
  kind: string;
  to_user_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  /** The same message as simple HTML (null for mail queued before templates had an HTML part). */
  body_html: Generated<string | null>;
  status: MailStatus;
  attempts: Generated<number>;
  last_error: string | null;
  claimed_at: string | null;
  created_at: string;
  sent_at: string | null;
  /** A message that failed waits until then before it is tried again (null: at once). */
  next_attempt_at: Generated<string | null>;
}

export type ReminderKind = 'session_reminder' | 'measure_reminder';

export interface OfferLinksTable {
  id: string;
  referral_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  answer: 'accepted' | 'declined' | null;
}

/** What a person chooses how to receive: their reminders, and staff's session digest. */
export type NotificationKind = ReminderKind | 'session_digest';

export interface NotificationPreferencesTable {
  user_id: string;
  kind: NotificationKind;
  email: number;
  /** 0/1: by text message too (only where an SMS gateway is configured). */
  sms: Generated<number>;
  updated_at: string;
}

export interface ReminderSendsTable {
  id: string;
  user_id: string;
  kind: ReminderKind;
  subject_ref: string;
  slot: string;
  created_at: string;
}

export type SmsQueueStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

/** A reminder text on its way to the SMS gateway, with its attempts (migration 20261206T1700_sms_queue_retry). */
export interface SmsQueueTable {
  id: string;
  reminder_send_id: string;
  user_id: string;
  kind: 'session_reminder';
  to_e164: string;
  body_text: string;
  status: SmsQueueStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  expires_at: string;
  claimed_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** The whole database as Kysely sees it. */
export type IsolationLevel = 'none' | 'watch' | 'reach_out';
export type IsolationFlagStatus = 'open' | 'reached_out' | 'dismissed' | 'cleared';

/** One active member's isolation signals on one day (migration 20261204T0910_isolation_early_warning). */
export interface IsolationSnapshotsTable {
  enrolment_id: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  group_id: string;
  level: IsolationLevel;
  /** JSON: the day's signals with their figures. */
  signals: string;
  computed_at: string;
}

export interface IsolationFlagsTable {
  id: string;
  enrolment_id: string;
  group_id: string;
  level: Exclude<IsolationLevel, 'none'>;
  status: IsolationFlagStatus;
  /** JSON: the signals behind the flag, with their figures and dates. */
  signals: string;
  raised_at: string;
  updated_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  snoozed_until: string | null;
}

export interface IsolationRunsTable {
  day: string;
  started_at: string;
  members: number;
  flagged: number;
}

export interface DB {
  isolation_snapshots: IsolationSnapshotsTable;
  isolation_flags: IsolationFlagsTable;
  isolation_runs: IsolationRunsTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  auth_sessions: AuthSessionsTable;
  invitations: InvitationsTable;
  auth_attempts: AuthAttemptsTable;
  health_probe: HealthProbeTable;
  rate_buckets: RateBucketsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_events: AuditEventsTable;
  programmes: ProgrammesTable;
  therapy_groups: TherapyGroupsTable;
  group_facilitators: GroupFacilitatorsTable;
  enrolments: EnrolmentsTable;
  session_plans: SessionPlansTable;
  group_agreements: GroupAgreementsTable;
  programme_note_templates: ProgrammeNoteTemplatesTable;
  referrals: ReferralsTable;
  agreement_acceptances: AgreementAcceptancesTable;
  group_sessions: GroupSessionsTable;
  attendance: AttendanceTable;
  group_notes: GroupNotesTable;
  note_member_entries: NoteMemberEntriesTable;
  note_versions: NoteVersionsTable;
  note_addenda: NoteAddendaTable;
  break_glass_grants: BreakGlassGrantsTable;
  notifications: NotificationsTable;
  calendar_feeds: CalendarFeedsTable;
  calendar_preferences: CalendarPreferencesTable;
  home_preferences: HomePreferencesTable;
  instruments: InstrumentsTable;
  measure_schedules: MeasureSchedulesTable;
  measure_requests: MeasureRequestsTable;
  measure_responses: MeasureResponsesTable;
  measure_courses: MeasureCoursesTable;
  session_digests: SessionDigestsTable;
  mail_outbox: MailOutboxTable;
  offer_links: OfferLinksTable;
  notification_preferences: NotificationPreferencesTable;
  reminder_sends: ReminderSendsTable;
  alerts: AlertsTable;
  alert_sources: AlertSourcesTable;
  service_settings: ServiceSettingsTable;
  rota_shifts: RotaShiftsTable;
  alert_recipients: AlertRecipientsTable;
  push_subscriptions: PushSubscriptionsTable;
  alert_deliveries: AlertDeliveriesTable;
  sms_outbox: SmsOutboxTable;
  sms_queue: SmsQueueTable;
  space_counters: SpaceCountersTable;
  space_threads: SpaceThreadsTable;
  space_posts: SpacePostsTable;
  space_read_markers: SpaceReadMarkersTable;
  space_reports: SpaceReportsTable;
  space_mutes: SpaceMutesTable;
  space_blocks: SpaceBlocksTable;
  space_tags: SpaceTagsTable;
  watched_phrases: WatchedPhrasesTable;
  moderation_log: ModerationLogTable;
  safety_plans: SafetyPlansTable;
  participant_contacts: ParticipantContactsTable;
  patient_identifiers: PatientIdentifiersTable;
  erasure_requests: ErasureRequestsTable;
  fhir_export_jobs: FhirExportJobsTable;
  fhir_export_files: FhirExportFilesTable;
  participant_profiles: ParticipantProfilesTable;
  staff_profiles: StaffProfilesTable;
  strategies: StrategiesTable;
  strategy_marks: StrategyMarksTable;
  library_entries: LibraryEntriesTable;
  appreciations: AppreciationsTable;
  appreciation_recipients: AppreciationRecipientsTable;
  feedback_items: FeedbackItemsTable;
  seen_markers: SeenMarkersTable;
  goals: GoalsTable;
  goal_checkins: GoalCheckinsTable;
  goal_milestones: GoalMilestonesTable;
  celebrations: CelebrationsTable;
  skill_practices: SkillPracticesTable;
  journal_entries: JournalEntriesTable;
  supportive_reactions: SupportiveReactionsTable;
}
