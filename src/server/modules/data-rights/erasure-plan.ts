import { sql, type Kysely } from 'kysely';
import { ERASED_AT_REQUEST } from '../../../shared/schemas/data-rights.js';
import type { DbOrTx } from '../../db/database.js';
import { markPostChanged } from '../space/post-changed.js';

/**
 * What an erasure does to every table that holds a person (issue 15 item 3), as one list of steps
 * run in order in one transaction. Each step names the user-, enrolment- and referral-referencing
 * columns it answers for (`erasure-coverage.int.test.ts` fails when the schema gains one no step
 * names), says what happens to its rows under the retention policy and why, counts them (the
 * dry-run preview and the report) and applies itself. Nothing here decides who may erase whom:
 * `check-erasable.ts` does, before any step runs.
 */

/** The retention policy (HEARTH_RETENTION_*): what an erasure keeps. */
export interface RetentionPolicy {
  clinicalRecord: 'keep' | 'erase';
  measures: 'keep' | 'erase';
}

/** The person being erased and the rows that name them indirectly. */
export interface ErasureSubject {
  userId: string;
  enrolmentIds: readonly string[];
  referralIds: readonly string[];
  /** The administrator processing the erasure (stamped as remover on anonymised items). */
  adminId: string;
  now: string;
}

export type ErasureOutcome = 'removed' | 'anonymised' | 'kept';

export interface ErasureStep {
  /** What the rows are, as the report names them. */
  kind: string;
  /** `table.column` pairs naming the person (directly or through an enrolment or referral) this step answers for. */
  covers: readonly string[];
  outcome(policy: RetentionPolicy): ErasureOutcome;
  why(policy: RetentionPolicy): string;
  count(db: DbOrTx, s: ErasureSubject): Promise<number>;
  /** Runs only when the outcome is not `kept`. */
  apply(db: DbOrTx, s: ErasureSubject, policy: RetentionPolicy): Promise<void>;
}

/** Shown in place of a removed item's words, in the group and in the report. */
export const ERASED_TEXT = ERASED_AT_REQUEST;
/** The account's name once erased (it still labels kept records: signed notes, scores, audit). */
export const ERASED_NAME = 'Erased member';

type Loose = Kysely<Record<string, Record<string, string | number | null>>>;
type Key = 'user' | 'enrolments' | 'referrals';
interface Match {
  table: string;
  column: string;
  key: Key;
}

const loose = (db: DbOrTx) => db as unknown as Loose;
const idsOf = (s: ErasureSubject, key: Key): readonly string[] => (key === 'user' ? [s.userId] : key === 'enrolments' ? s.enrolmentIds : s.referralIds);
const on = (table: string, column: string, key: Key = 'user'): Match => ({ table, column, key });

/** Rows the matches name, each row once (a safety plan the member last updated names them twice). */
async function countMatches(db: DbOrTx, matches: readonly Match[], s: ErasureSubject): Promise<number> {
  let total = 0;
  for (const table of new Set(matches.map((m) => m.table))) {
    total += await countRows(
      db,
      table,
      matches.filter((m) => m.table === table),
      s,
    );
  }
  return total;
}

/** Distinct rows of one table that any of the matches names (a row naming the person twice counts once). */
async function countRows(db: DbOrTx, table: string, matches: readonly Match[], s: ErasureSubject): Promise<number> {
  const live = matches.filter((m) => idsOf(s, m.key).length > 0);
  if (!live.length) return 0;
  const row = await loose(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where((eb) => eb.or(live.map((m) => eb(sql.ref(m.column), 'in', idsOf(s, m.key)))))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function deleteMatches(db: DbOrTx, matches: readonly Match[], s: ErasureSubject): Promise<void> {
  for (const m of matches) {
    const ids = idsOf(s, m.key);
    if (ids.length) await loose(db).deleteFrom(m.table).where(sql.ref(m.column), 'in', ids).execute();
  }
}

/** A step whose rows are deleted outright. */
function removeRows(kind: string, why: string, matches: readonly Match[]): ErasureStep {
  return {
    kind,
    covers: matches.map((m) => `${m.table}.${m.column}`),
    outcome: () => 'removed',
    why: () => why,
    count: (db, s) => countMatches(db, matches, s),
    apply: (db, s) => deleteMatches(db, matches, s),
  };
}

/** A step kept always: `count` shows how many rows stay. */
function keepRows(kind: string, why: string, matches: readonly Match[], counted: readonly Match[] = matches): ErasureStep {
  return {
    kind,
    covers: matches.map((m) => `${m.table}.${m.column}`),
    outcome: () => 'kept',
    why: () => why,
    count: (db, s) => countMatches(db, counted, s),
    apply: async () => {},
  };
}

/** A step the retention policy decides: kept (de-identified through the account) or deleted. */
function retained(kind: string, setting: keyof RetentionPolicy, whyKept: string, matches: readonly Match[], erase?: ErasureStep['apply']): ErasureStep {
  return {
    kind,
    covers: matches.map((m) => `${m.table}.${m.column}`),
    outcome: (p) => (p[setting] === 'keep' ? 'kept' : 'removed'),
    why: (p) =>
      p[setting] === 'keep' ? whyKept : `Removed: the retention policy (HEARTH_RETENTION_${setting === 'clinicalRecord' ? 'CLINICAL_RECORD' : 'MEASURES'}=erase) does not keep it.`,
    count: (db, s) => countMatches(db, matches.slice(0, 1), s),
    apply: erase ?? ((db, s) => deleteMatches(db, matches.slice(0, 1), s)),
  };
}

const KEPT_CLINICAL =
  'Kept under the retention policy (HEARTH_RETENTION_CLINICAL_RECORD=keep): part of the clinical record the service must keep; now filed to the de-identified account.';

/** Supportive reactions on the person's celebrations and practice entries (target ids, no foreign key). */
async function reactionsOnTheirItems(db: DbOrTx, s: ErasureSubject) {
  const [celebrations, practices] = await Promise.all([
    db.selectFrom('celebrations').select('id').where('participant_id', '=', s.userId).execute(),
    db.selectFrom('skill_practices').select('id').where('participant_id', '=', s.userId).execute(),
  ]);
  const ids = [...celebrations, ...practices].map((r) => r.id);
  return ids;
}

/** Every step, in the order they run (children before the rows they reference). */
export const erasurePlan: readonly ErasureStep[] = [
  {
    kind: 'Supportive reactions (given, and received on their items)',
    covers: ['supportive_reactions.reactor_id', 'supportive_reactions.reactor_enrolment_id'],
    outcome: () => 'removed',
    why: () => 'Removed: reactions the member gave, and peers’ reactions to the celebrations and practice entries being removed.',
    async count(db, s) {
      const targets = await reactionsOnTheirItems(db, s);
      const row = await db
        .selectFrom('supportive_reactions')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where((eb) => eb.or([eb('reactor_id', '=', s.userId), ...(targets.length ? [eb('target_id', 'in', targets)] : [])]))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async apply(db, s) {
      const targets = await reactionsOnTheirItems(db, s);
      await db
        .deleteFrom('supportive_reactions')
        .where((eb) => eb.or([eb('reactor_id', '=', s.userId), ...(targets.length ? [eb('target_id', 'in', targets)] : [])]))
        .execute();
    },
  },
  removeRows('Goal celebrations', 'Removed: the member’s own celebrations in the group.', [on('celebrations', 'participant_id'), on('celebrations', 'enrolment_id', 'enrolments')]),
  removeRows('Goals (with their check-ins and milestones)', 'Removed: the member’s own goals are not part of the clinical record.', [
    on('goals', 'participant_id'),
    on('goals', 'enrolment_id', 'enrolments'),
    on('goals', 'shared_enrolment_id', 'enrolments'),
  ]),
  removeRows('Skills practice log', 'Removed: the member’s own practice entries, shared or not.', [
    on('skill_practices', 'participant_id'),
    on('skill_practices', 'enrolment_id', 'enrolments'),
    on('skill_practices', 'shared_enrolment_id', 'enrolments'),
  ]),
  {
    kind: 'Programme library entries credited to their strategies',
    covers: [],
    outcome: () => 'removed',
    why: () => 'Removed from the programme library: the words were the member’s.',
    async count(db, s) {
      const row = await db
        .selectFrom('library_entries as l')
        .innerJoin('strategies as st', 'st.id', 'l.strategy_id')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('st.author_id', '=', s.userId)
        .where('l.status', '=', 'active')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async apply(db, s) {
      const theirs = db.selectFrom('strategies').select('id').where('author_id', '=', s.userId);
      await db
        .updateTable('library_entries')
        .set({
          status: 'removed',
          title: ERASED_TEXT,
          when_helps: '',
          steps: '',
          credit: 'anonymous',
          credit_name: null,
          search_text: '',
          removed_by: s.adminId,
          removed_at: s.now,
          removal_reason: ERASED_TEXT,
        })
        .where('strategy_id', 'in', theirs)
        .where('status', '=', 'active')
        .execute();
      await db
        .updateTable('library_entries')
        .set({ title: ERASED_TEXT, when_helps: '', steps: '', credit_name: null, search_text: '' })
        .where('strategy_id', 'in', theirs)
        .execute();
    },
  },
  removeRows('Coping strategies shared (with peers’ marks on them)', 'Removed: the member’s own words shared with the group.', [
    on('strategies', 'author_id'),
    on('strategies', 'enrolment_id', 'enrolments'),
  ]),
  removeRows('Marks on peers’ strategies', 'Removed: “I’ll try it” and “tried it” marks the member gave.', [on('strategy_marks', 'enrolment_id', 'enrolments')]),
  removeRows('Appreciations sent', 'Removed: the member’s own words to peers.', [on('appreciations', 'sender_id'), on('appreciations', 'sender_enrolment_id', 'enrolments')]),
  removeRows('Appreciations received (their place as recipient)', 'Removed: the member is no longer named as a recipient; the sender keeps their own words.', [
    on('appreciation_recipients', 'recipient_id'),
    on('appreciation_recipients', 'recipient_enrolment_id', 'enrolments'),
  ]),
  {
    kind: 'Feedback requests and replies',
    covers: ['feedback_items.author_id', 'feedback_items.enrolment_id'],
    outcome: () => 'anonymised',
    why: () => 'Anonymised: the words are removed and the item marked removed, so peers’ replies keep their place.',
    count: (db, s) => countRows(db, 'feedback_items', [on('feedback_items', 'author_id')], s),
    async apply(db, s) {
      await db.updateTable('feedback_items').set({ body: '', moderation_status: 'removed' }).where('author_id', '=', s.userId).execute();
    },
  },
  {
    kind: 'Group space posts and messages',
    covers: ['space_posts.author_id', 'space_posts.enrolment_id', 'space_posts.removed_by'],
    outcome: () => 'anonymised',
    why: () => 'Anonymised: the words are removed; each post keeps its place in its thread, shown as “removed at the member’s request”.',
    count: (db, s) => countRows(db, 'space_posts', [on('space_posts', 'author_id')], s),
    async apply(db, s) {
      const posts = await db.selectFrom('space_posts').select('id').where('author_id', '=', s.userId).orderBy('seq').execute();
      await db
        .updateTable('space_posts')
        .set({ body: '', client_id: null, moderation_status: 'removed', moderation_reasons: null, status_reason: ERASED_TEXT, removed_at: s.now, removed_by: s.adminId })
        .where('author_id', '=', s.userId)
        .execute();
      // Each changed post gets a new stream position, so open spaces show the placeholder live.
      for (const p of posts) await markPostChanged(db, p.id);
    },
  },
  {
    kind: 'Thread titles',
    covers: ['space_threads.created_by', 'space_threads.created_by_enrolment'],
    outcome: () => 'anonymised',
    why: () => 'Anonymised: the title the member wrote is replaced; the thread and peers’ replies stay.',
    count: (db, s) => countRows(db, 'space_threads', [on('space_threads', 'created_by')], s),
    async apply(db, s) {
      await db.updateTable('space_threads').set({ title: ERASED_TEXT }).where('created_by', '=', s.userId).execute();
    },
  },
  {
    kind: 'Reports made about posts',
    covers: ['space_reports.reporter_id'],
    outcome: () => 'anonymised',
    why: () => 'Anonymised: the member’s note is removed; the report stays, as it concerns another person’s safety or the agreement.',
    count: (db, s) => countRows(db, 'space_reports', [on('space_reports', 'reporter_id')], s),
    async apply(db, s) {
      await db.updateTable('space_reports').set({ note: null }).where('reporter_id', '=', s.userId).execute();
    },
  },
  removeRows('Posts tagged for the next session', 'Removed: tags the member added.', [on('space_tags', 'tagged_by')]),
  removeRows('Mutes and blocks', 'Removed: the member’s mutes and blocks, and peers’ mutes and blocks of them.', [
    on('space_mutes', 'user_id'),
    on('space_mutes', 'muted_enrolment_id', 'enrolments'),
    on('space_blocks', 'blocker_enrolment_id', 'enrolments'),
    on('space_blocks', 'blocked_enrolment_id', 'enrolments'),
  ]),
  removeRows('Isolation early-warning signals and flags', 'Removed: signals computed about the member for facilitators, not a clinical record.', [
    on('isolation_snapshots', 'enrolment_id', 'enrolments'),
    on('isolation_flags', 'enrolment_id', 'enrolments'),
  ]),
  removeRows('Journal entries', 'Removed: the member’s private journal.', [on('journal_entries', 'participant_id')]),
  removeRows('Safety plan', 'Removed: the member’s own plan (their clinicians’ record of risk is in the alerts and notes).', [
    on('safety_plans', 'participant_id'),
    on('safety_plans', 'updated_by'),
  ]),
  removeRows('Contact details (phones, emergency contact, GP)', 'Removed: how to reach the member is not needed once they have left.', [
    on('participant_contacts', 'participant_id'),
    on('participant_contacts', 'referral_id', 'referrals'),
    on('participant_contacts', 'updated_by'),
  ]),
  {
    kind: 'Questionnaires still due',
    covers: ['measure_requests.participant_id', 'measure_requests.enrolment_id'],
    outcome: () => 'removed',
    why: () => 'Removed: questionnaires not answered (answered ones follow the answers below).',
    async count(db, s) {
      const row = await db
        .selectFrom('measure_requests')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('participant_id', '=', s.userId)
        .where('status', '!=', 'completed')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async apply(db, s) {
      await db.deleteFrom('measure_requests').where('participant_id', '=', s.userId).where('status', '!=', 'completed').execute();
    },
  },
  retained(
    'Questionnaire answers and scores',
    'measures',
    'Kept under the retention policy (HEARTH_RETENTION_MEASURES=keep): scores are part of the clinical record and the service’s outcome reporting.',
    [on('measure_responses', 'participant_id'), on('measure_responses', 'enrolment_id', 'enrolments')],
    async (db, s) => {
      await db.deleteFrom('measure_requests').where('participant_id', '=', s.userId).execute();
      await db.deleteFrom('measure_responses').where('participant_id', '=', s.userId).execute();
    },
  ),
  retained('Questionnaire courses (first and latest score)', 'measures', 'Kept with the answers they summarise (HEARTH_RETENTION_MEASURES=keep).', [
    on('measure_courses', 'participant_id'),
  ]),
  retained('Entries in group notes (every version)', 'clinicalRecord', KEPT_CLINICAL, [on('note_member_entries', 'enrolment_id', 'enrolments')], async (db, s) => {
    if (!s.enrolmentIds.length) return;
    const notes = await db.selectFrom('note_member_entries').select('note_id').distinct().where('enrolment_id', 'in', s.enrolmentIds).execute();
    await db.deleteFrom('note_member_entries').where('enrolment_id', 'in', s.enrolmentIds).execute();
    if (!notes.length) return;
    const versions = await db
      .selectFrom('note_versions')
      .select(['id', 'content'])
      .where(
        'note_id',
        'in',
        notes.map((n) => n.note_id),
      )
      .execute();
    const gone = new Set(s.enrolmentIds);
    for (const v of versions) {
      const content = JSON.parse(v.content) as { members?: { enrolmentId: string }[] };
      if (!content.members?.some((m) => gone.has(m.enrolmentId))) continue;
      content.members = content.members.filter((m) => !gone.has(m.enrolmentId));
      await db
        .updateTable('note_versions')
        .set({ content: JSON.stringify(content) })
        .where('id', '=', v.id)
        .execute();
    }
  }),
  retained('Attendance', 'clinicalRecord', KEPT_CLINICAL, [on('attendance', 'enrolment_id', 'enrolments')]),
  retained('Group agreement acceptances (consent)', 'clinicalRecord', KEPT_CLINICAL, [on('agreement_acceptances', 'enrolment_id', 'enrolments')]),
  retained('Safety alerts and their outcomes', 'clinicalRecord', KEPT_CLINICAL, [on('alerts', 'participant_id'), on('alerts', 'enrolment_id', 'enrolments')], async (db, s) => {
    const theirs = db.selectFrom('alerts').select('id').where('participant_id', '=', s.userId);
    // Reports point at the alert they raised without a foreign key.
    await db.updateTable('space_reports').set({ alert_id: null }).where('alert_id', 'in', theirs).execute();
    await db.deleteFrom('alerts').where('participant_id', '=', s.userId).execute();
  }),
  retained(
    'Record number (e.g. NHS number)',
    'clinicalRecord',
    'Kept under the retention policy (HEARTH_RETENTION_CLINICAL_RECORD=keep): it files the kept clinical record to the right person if it is ever needed.',
    [on('patient_identifiers', 'participant_id'), on('patient_identifiers', 'referral_id', 'referrals')],
    async (db, s) => {
      await db.deleteFrom('patient_identifiers').where('participant_id', '=', s.userId).execute();
      if (s.referralIds.length) await db.deleteFrom('patient_identifiers').where('referral_id', 'in', s.referralIds).execute();
    },
  ),
  retained(
    'Date of birth (for claims)',
    'clinicalRecord',
    'Kept under the retention policy (HEARTH_RETENTION_CLINICAL_RECORD=keep): with the record number it identifies whose clinical record and claims are kept.',
    [on('participant_profiles', 'participant_id')],
    async (db, s) => {
      await db.deleteFrom('participant_profiles').where('participant_id', '=', s.userId).execute();
    },
  ),
  {
    kind: 'Referrals',
    covers: ['referrals.participant_id', 'offer_links.referral_id'],
    outcome: () => 'anonymised',
    why: (p) =>
      p.clinicalRecord === 'keep'
        ? 'Anonymised: name and e-mail address replaced, offer links removed; the reason for referral and the intake screening are kept with the clinical record.'
        : 'Anonymised: name, e-mail address, reason for referral and intake screening removed, and offer links.',
    count: (db, s) => countRows(db, 'referrals', [on('referrals', 'participant_id')], s),
    async apply(db, s, p) {
      if (!s.referralIds.length) return;
      await db.deleteFrom('offer_links').where('referral_id', 'in', s.referralIds).execute();
      await db
        .updateTable('referrals')
        .set({
          person_name: ERASED_NAME,
          person_email: erasedEmail(s.userId),
          ...(p.clinicalRecord === 'erase' ? { reason: ERASED_TEXT, intake_notes: null, outcome_reason: null } : {}),
          updated_at: s.now,
        })
        .where('id', 'in', s.referralIds)
        .execute();
    },
  },
  removeRows('Sign-in, devices and settings', 'Removed: sessions, recovery codes, links, devices, calendar feeds and preferences end with the account.', [
    on('auth_sessions', 'user_id'),
    on('recovery_codes', 'user_id'),
    on('invitations', 'user_id'),
    on('push_subscriptions', 'user_id'),
    on('idempotency_keys', 'user_id'),
    on('calendar_feeds', 'user_id'),
    on('calendar_preferences', 'user_id'),
    on('home_preferences', 'user_id'),
    on('notification_preferences', 'user_id'),
    on('seen_markers', 'user_id'),
    on('space_read_markers', 'user_id'),
    on('reminder_sends', 'user_id'),
  ]),
  removeRows('Notifications, e-mail and texts to them', 'Removed: in-app notifications, the e-mail kept in the outbox (addresses and text) and queued or sent reminder texts.', [
    on('notifications', 'user_id'),
    on('mail_outbox', 'to_user_id'),
    on('sms_queue', 'user_id'),
  ]),
  {
    kind: 'Enrolments',
    covers: ['enrolments.participant_id'],
    outcome: () => 'anonymised',
    why: () => 'Anonymised: the pseudonym is replaced and a current enrolment ends (withdrawn); dates stay, as the kept records hang on them.',
    count: (db, s) => countRows(db, 'enrolments', [on('enrolments', 'participant_id')], s),
    async apply(db, s) {
      const rows = await db.selectFrom('enrolments').select(['id', 'status']).where('participant_id', '=', s.userId).execute();
      for (const e of rows) {
        const current = e.status === 'invited' || e.status === 'active' || e.status === 'paused';
        await db
          .updateTable('enrolments')
          // Pseudonyms are unique per group: the enrolment's own id keeps this one unique.
          .set({
            pseudonym: `Former member ${e.id.slice(0, 8)}`,
            ...(current ? { status: 'withdrawn', left_at: s.now, status_changed_at: s.now, status_reason: ERASED_TEXT } : {}),
          })
          .where('id', '=', e.id)
          .execute();
      }
    },
  },
  keepRows('Moderation log', 'Kept: the append-only record of moderation decisions (the database refuses changes); reasons are written by staff, not the member’s words.', [
    on('moderation_log', 'author_id'),
    on('moderation_log', 'actor_id'),
  ]),
  {
    kind: 'Audit log',
    covers: ['audit_events.actor_user_id'],
    outcome: () => 'kept',
    why: () => 'Kept always: the audit log is append-only (the database refuses deletes) and records who did what, not what was written.',
    async count(db, s) {
      const row = await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where((eb) => eb.or([eb('actor_user_id', '=', s.userId), eb('resource_id', '=', s.userId)]))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    apply: async () => {},
  },
  keepRows(
    'Actions recorded as staff',
    'Kept: these columns name the staff member who acted (signed, recorded, curated, decided); a participant appears here only by mistake, and erasure of staff is not offered.',
    [
      on('invitations', 'created_by'),
      on('group_facilitators', 'user_id'),
      on('group_agreements', 'created_by'),
      on('referrals', 'referred_by'),
      on('referrals', 'screened_by'),
      on('attendance', 'recorded_by'),
      on('group_notes', 'created_by'),
      on('programme_note_templates', 'created_by'),
      on('fhir_export_jobs', 'requested_by'),
      on('group_notes', 'updated_by'),
      on('group_notes', 'signed_by'),
      on('group_notes', 'cosigned_by'),
      on('note_versions', 'saved_by'),
      on('note_addenda', 'author_id'),
      on('break_glass_grants', 'user_id'),
      on('instruments', 'created_by'),
      on('measure_schedules', 'created_by'),
      on('alerts', 'acknowledged_by'),
      on('alerts', 'resolved_by'),
      on('alerts', 'escalated_to'),
      on('service_settings', 'updated_by'),
      on('library_entries', 'curated_by'),
      on('library_entries', 'removed_by'),
      on('watched_phrases', 'created_by'),
      on('watched_phrases', 'updated_by'),
      on('rota_shifts', 'clinician_id'),
      on('rota_shifts', 'created_by'),
      on('alert_recipients', 'user_id'),
      on('alert_deliveries', 'recipient_id'),
      on('isolation_flags', 'decided_by'),
      on('patient_identifiers', 'updated_by'),
      on('participant_profiles', 'updated_by'),
      on('staff_profiles', 'user_id'),
      on('staff_profiles', 'updated_by'),
    ],
  ),
  keepRows(
    'Erasure record',
    'Kept: this erasure and its report, the evidence that the request was carried out.',
    [on('erasure_requests', 'user_id'), on('erasure_requests', 'requested_by')],
    [],
  ),
  {
    kind: 'Account',
    covers: ['users.id'],
    outcome: () => 'anonymised',
    why: () =>
      `De-identified and disabled: name “${ERASED_NAME}”, an e-mail address that cannot receive mail, no password, two-step secret or mobile number; kept records still point at it.`,
    count: async () => 1,
    async apply(db, s) {
      await db
        .updateTable('users')
        .set({
          display_name: ERASED_NAME,
          email: erasedEmail(s.userId),
          status: 'deactivated',
          password_hash: null,
          mfa_secret: null,
          mfa_enabled: 0,
          mfa_last_step: null,
          mobile_e164: null,
          last_sign_in_at: null,
          updated_at: s.now,
        })
        .where('id', '=', s.userId)
        .execute();
    },
  },
];

/** An address no mail can reach (.invalid is reserved), unique per account. */
export function erasedEmail(userId: string): string {
  return `erased-${userId}@erased.invalid`;
}
