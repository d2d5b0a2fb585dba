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
}

/** The whole database as Kysely sees it. */
export interface DB {
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  auth_sessions: AuthSessionsTable;
  invitations: InvitationsTable;
  auth_attempts: AuthAttemptsTable;
  audit_events: AuditEventsTable;
  programmes: ProgrammesTable;
  therapy_groups: TherapyGroupsTable;
  group_facilitators: GroupFacilitatorsTable;
  enrolments: EnrolmentsTable;
}
