import { sql, type Insertable } from 'kysely';
import { DateTime, type WeekdayNumbers } from 'luxon';
import type { Db } from '../../src/server/db/database.js';
import type { AttendanceStatus, DB, GroupStatus } from '../../src/server/db/schema.js';
import { newId } from '../../src/server/lib/ids.js';
import { hashPassword } from '../../src/server/modules/auth/passwords.js';
import { POWER_OF_CONNECTION, POWER_OF_CONNECTION_AGREEMENT } from '../../src/server/modules/programmes/power-of-connection.js';
import { addAgreementVersion, replaceCurriculum } from '../../src/server/modules/programmes/repository.js';
import { seededRandom } from '../../src/server/modules/measures/engine/seeded-random.js';
import { expandSchedule } from '../../src/server/modules/schedule/recurrence.js';
import { createAccount, type BenchAccount } from './hearth.js';

/** The size of the service `buildGroupHistory` creates. */
export interface GroupHistoryShape {
  /** Groups in the service, the big one included. */
  groups: number;
  /** Weekly sessions of the big group, all held (260 = five years, the schedule maximum). */
  bigGroupSessions: number;
  bigGroupMembers: number;
  /** Members of every other group: between these, inclusive. */
  otherMembers: [number, number];
  /** Weekly sessions of every other group: between these, inclusive. */
  otherSessions: [number, number];
  programmes: number;
  clinicians: number;
  /** Signed notes for every held session (default true); benches that never read notes skip them. */
  withNotes?: boolean;
}

export const ISSUE_3_SHAPE: GroupHistoryShape = {
  groups: 200,
  bigGroupSessions: 260,
  bigGroupMembers: 12,
  otherMembers: [8, 12],
  otherSessions: [12, 52],
  programmes: 4,
  clinicians: 40,
};

/** What a benchmark needs to know about the service that was built. */
export interface GroupHistory {
  /** Lead clinician of the big group (and of a few others), with a password to sign in with. */
  lead: BenchAccount;
  bigGroupId: string;
  /** Enrolments of the big group's members, in pseudonym order. */
  bigGroupEnrolmentIds: string[];
  /** Rows inserted per table. */
  rows: Record<string, number>;
  seconds: number;
}

const TIMEZONE = 'Europe/London';
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'] as const;
const PSEUDONYMS = ['Alder', 'Birch', 'Cedar', 'Dune', 'Ember', 'Fern', 'Grove', 'Harbour', 'Iris', 'Juniper', 'Kestrel', 'Linden', 'Meadow', 'Nettle'];
const THEMES = [
  'Members introduced themselves and named what helped them come. Shared relief at hearing others describe similar isolation.',
  'Members shared parts of their stories; several noticed how much they hide from family and friends.',
  'Strategy swap: breathing, walking, texting a friend. Box breathing practised together; two members led it.',
  'I-statements practised in threes; requests became clearer and kinder. Some tension named and worked through.',
  'Reflective listening; members noticed the urge to give advice and practised holding back and asking instead.',
];
// Cumulative weights: present 84 %, late 6 %, left early 3 %, excused 4 %, absent 3 %.
const ATTENDANCE: [AttendanceStatus, number][] = [
  ['present', 0.84],
  ['late', 0.9],
  ['left_early', 0.93],
  ['excused', 0.97],
  ['absent', 1],
];
const ATTENDED: ReadonlySet<AttendanceStatus> = new Set(['present', 'late', 'left_early']);

/** A bench user who never signs in (they share one password hash: argon2 per user would take minutes), numbered for a unique e-mail. */
export function benchUserRow(user: { role: 'admin' | 'clinician' | 'participant'; n: number; name: string; passwordHash: string; at: string }): Insertable<DB['users']> {
  return {
    id: newId(),
    email: `bench.${user.role}.${user.n}@bench.hearth.local`,
    display_name: user.name,
    role: user.role,
    status: 'active',
    password_hash: user.passwordHash,
    mfa_secret: null,
    mfa_enabled: 0,
    mfa_last_step: null,
    created_at: user.at,
    updated_at: user.at,
    last_sign_in_at: null,
    password_changed_at: user.at,
  };
}

/**
 * Builds a service with a long history straight into a migrated, empty database (rows inserted
 * in bulk, not through the API): programmes with the twelve-session curriculum and agreement,
 * clinicians, and `shape.groups` groups, each with a lead (half with a co-facilitator), members
 * who came through the referral pathway, a weekly schedule, sessions (held in the past, scheduled
 * ahead), attendance for every member at every held session, and a signed note per held session
 * with a section per attendee and its draft and signed versions. Group 0 is the big one: an open
 * group of `bigGroupMembers` with `bigGroupSessions` weekly sessions, the last one within the past week.
 * Deterministic apart from ids and the current time.
 */
export async function buildGroupHistory(db: Db, shape: GroupHistoryShape = ISSUE_3_SHAPE, now = new Date()): Promise<GroupHistory> {
  const started = performance.now();
  const random = mulberry32(20261126);
  const between = ([low, high]: [number, number]) => low + Math.floor(random() * (high - low + 1));
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => {
    rows[table] = (rows[table] ?? 0) + n;
  };

  const lead = await createAccount(db, 'clinician');
  count('users', 1);
  // Everyone else shares one real hash: nobody else signs in, and argon2 per user would take minutes.
  const passwordHash = await hashPassword(`bench-unused-${newId()}`);
  const longAgo = new Date(now.getTime() - 6 * 365 * 86_400_000).toISOString();
  const user = (role: 'admin' | 'clinician' | 'participant', n: number, name: string) => benchUserRow({ role, n, name, passwordHash, at: longAgo });
  const admin = user('admin', 0, 'Bench Admin');
  const clinicianRows = Array.from({ length: shape.clinicians - 1 }, (_, i) => user('clinician', i + 1, `Clinician ${i + 1}`));
  const clinicianIds = [lead.id, ...clinicianRows.map((c) => c.id)];

  // Programmes with the real curriculum and agreement, through Hearth's own repository functions.
  const programmeIds: string[] = [];
  const plansByProgramme = new Map<string, { id: string; topic: string }[]>();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values([admin, ...clinicianRows])
      .execute();
    for (let p = 0; p < shape.programmes; p++) {
      const id = newId();
      programmeIds.push(id);
      await trx
        .insertInto('programmes')
        .values({
          id,
          name: p === 0 ? 'The Power of Connection' : `The Power of Connection (${['North', 'South', 'East', 'West'][p % 4]} ${p})`,
          description: 'Twelve sessions.',
          created_at: longAgo,
        })
        .execute();
      await replaceCurriculum(trx, id, POWER_OF_CONNECTION);
      await addAgreementVersion(trx, id, POWER_OF_CONNECTION_AGREEMENT, admin.id, new Date(longAgo));
      plansByProgramme.set(id, await trx.selectFrom('session_plans').select(['id', 'topic']).where('programme_id', '=', id).orderBy('position').execute());
    }
  });
  count('users', 1 + clinicianRows.length);
  count('programmes', shape.programmes);
  count('session_plans', shape.programmes * POWER_OF_CONNECTION.length);
  count('group_agreements', shape.programmes);

  const participants: Insertable<DB['users']>[] = [];
  const groups: Insertable<DB['therapy_groups']>[] = [];
  const facilitators: Insertable<DB['group_facilitators']>[] = [];
  const referrals: Insertable<DB['referrals']>[] = [];
  const enrolments: Insertable<DB['enrolments']>[] = [];
  const sessions: Insertable<DB['group_sessions']>[] = [];
  const attendance: Insertable<DB['attendance']>[] = [];
  const notes: Insertable<DB['group_notes']>[] = [];
  const entries: Insertable<DB['note_member_entries']>[] = [];
  const versions: Insertable<DB['note_versions']>[] = [];
  let bigGroupId = '';
  let bigGroupEnrolmentIds: string[] = [];

  for (let g = 0; g < shape.groups; g++) {
    const big = g === 0;
    const programmeId = programmeIds[g % programmeIds.length]!;
    const plans = plansByProgramme.get(programmeId)!;
    const leadId = clinicianIds[g % clinicianIds.length]!;
    const coId = g % 2 === 0 ? clinicianIds[(g * 7 + 3) % clinicianIds.length]! : null;
    const sessionCount = big ? shape.bigGroupSessions : between(shape.otherSessions);
    const memberCount = big ? shape.bigGroupMembers : between(shape.otherMembers);
    // The big group's last session was last week; the others started up to five years ago (some not yet).
    const weekday: (typeof WEEKDAYS)[number] = big ? 'TU' : WEEKDAYS[g % WEEKDAYS.length]!;
    const startWeeksAgo = big ? sessionCount : between([-2, 260]);
    const firstLocal = DateTime.fromJSDate(now, { zone: TIMEZONE })
      .minus({ weeks: startWeeksAgo })
      .set({ weekday: (WEEKDAYS.indexOf(weekday) + 1) as WeekdayNumbers, hour: big ? 18 : 9 + (g % 10), minute: 0, second: 0, millisecond: 0 });
    const schedule = {
      rrule: `FREQ=WEEKLY;BYDAY=${weekday};COUNT=${sessionCount}`,
      firstSessionLocal: firstLocal.toFormat("yyyy-LL-dd'T'HH:mm"),
      timezone: TIMEZONE,
      durationMinutes: 90,
    };
    const occurrences = expandSchedule(schedule, now);
    const heldCount = occurrences.filter((o) => o.endsAt < now).length;
    if (big && heldCount !== occurrences.length) throw new Error('The big group must have held every session');
    const status: GroupStatus = heldCount === 0 ? 'forming' : heldCount === occurrences.length ? 'completed' : 'active';
    // Beyond one run of the curriculum a group is open (rolling): its topics cycle, as assignTopics does.
    const open = sessionCount > plans.length;
    const groupId = newId();
    const createdAt = new Date(occurrences[0]!.startsAt.getTime() - 28 * 86_400_000).toISOString();
    groups.push({
      id: groupId,
      programme_id: programmeId,
      name: big ? 'Tuesday evening group (five years)' : `Group ${String(g).padStart(3, '0')}`,
      status: big ? 'active' : status,
      created_at: createdAt,
      kind: open ? 'open' : 'closed',
      capacity: 12,
      min_size: 4,
      rrule: schedule.rrule,
      timezone: TIMEZONE,
      first_session_local: schedule.firstSessionLocal,
      duration_minutes: 90,
      location: `Room ${1 + (g % 9)}, Riverside Community Mental Health Centre`,
      meeting_url: null,
      updated_at: createdAt,
    });
    facilitators.push({ group_id: groupId, user_id: leadId, facilitator_role: 'lead' });
    if (coId && coId !== leadId) facilitators.push({ group_id: groupId, user_id: coId, facilitator_role: 'co' });

    const joinedAt = new Date(occurrences[0]!.startsAt.getTime() - 7 * 86_400_000).toISOString();
    const lastEnd = occurrences[occurrences.length - 1]!.endsAt.toISOString();
    const members: { enrolmentId: string; pseudonym: string }[] = [];
    for (let m = 0; m < memberCount; m++) {
      const participant = user('participant', participants.length + 1, `Participant ${participants.length + 1}`);
      participants.push(participant);
      const enrolmentId = newId();
      const referralId = newId();
      // Past the list's length names repeat with a number ("Alder 2"): pseudonyms are unique in a group.
      const pseudonym = PSEUDONYMS[m % PSEUDONYMS.length]! + (m >= PSEUDONYMS.length ? ` ${Math.floor(m / PSEUDONYMS.length) + 1}` : '');
      const referrer = m % 2 === 0 || !coId ? leadId : coId;
      referrals.push({
        id: referralId,
        group_id: groupId,
        person_name: participant.display_name,
        person_email: participant.email,
        participant_id: participant.id,
        referred_by: referrer,
        reason: 'Recurrent depression; isolated since moving city. Would value peer support.',
        status: 'enrolled',
        suitability: 'suitable',
        intake_notes: 'Suitable for group work; motivated; no current risk indicators at screening.',
        screened_by: leadId,
        screened_at: createdAt,
        priority: 0,
        waitlisted_at: createdAt,
        offered_at: createdAt,
        offer_expires_at: joinedAt,
        responded_at: joinedAt,
        outcome_reason: null,
        enrolment_id: enrolmentId,
        created_at: createdAt,
        updated_at: joinedAt,
      });
      enrolments.push({
        id: enrolmentId,
        group_id: groupId,
        participant_id: participant.id,
        pseudonym,
        status: status === 'completed' && !big ? 'completed' : 'active',
        joined_at: joinedAt,
        left_at: status === 'completed' && !big ? lastEnd : null,
        created_at: createdAt,
        referral_id: referralId,
        status_reason: null,
        status_changed_at: joinedAt,
        agreement_version: 1,
        agreement_accepted_at: joinedAt,
      });
      members.push({ enrolmentId, pseudonym });
    }
    if (big) {
      bigGroupId = groupId;
      bigGroupEnrolmentIds = [...members].sort((a, b) => a.pseudonym.localeCompare(b.pseudonym)).map((m) => m.enrolmentId);
    }
    // People on the way in for groups still running: read by the group page's capacity figures.
    if (status !== 'completed' || big) {
      for (let w = 0; w < 1 + (g % 3); w++) {
        referrals.push({
          id: newId(),
          group_id: groupId,
          person_name: `Waiting person ${g}-${w}`,
          person_email: `bench.waiting.${g}.${w}@bench.hearth.local`,
          participant_id: null,
          referred_by: leadId,
          reason: 'Social anxiety; withdrawn from friends since redundancy.',
          status: w === 0 ? 'referred' : 'waitlisted',
          suitability: w === 0 ? null : 'suitable',
          intake_notes: null,
          screened_by: w === 0 ? null : leadId,
          screened_at: w === 0 ? null : createdAt,
          priority: 0,
          waitlisted_at: w === 0 ? null : now.toISOString(),
          offered_at: null,
          offer_expires_at: null,
          responded_at: null,
          outcome_reason: null,
          enrolment_id: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        });
      }
    }

    for (const [index, occurrence] of occurrences.entries()) {
      const held = occurrence.endsAt < now;
      const plan = open ? plans[index % plans.length] : plans[index];
      const sessionId = newId();
      const endsAt = occurrence.endsAt.toISOString();
      sessions.push({
        id: sessionId,
        group_id: groupId,
        starts_at: occurrence.startsAt.toISOString(),
        ends_at: endsAt,
        plan_id: plan?.id ?? null,
        topic: plan?.topic ?? 'Additional session',
        status: held ? 'held' : 'scheduled',
        origin: 'schedule',
        cancel_reason: null,
        created_at: createdAt,
        updated_at: held ? endsAt : createdAt,
        original_starts_at: null,
      });
      if (!held) continue;
      const attendees: typeof members = [];
      for (const member of members) {
        const roll = random();
        const attendanceStatus = ATTENDANCE.find(([, upTo]) => roll < upTo)![0];
        const minutes = attendanceStatus === 'late' ? 10 : attendanceStatus === 'left_early' ? 20 : null;
        attendance.push({ session_id: sessionId, enrolment_id: member.enrolmentId, status: attendanceStatus, minutes, recorded_by: leadId, recorded_at: endsAt });
        if (ATTENDED.has(attendanceStatus)) attendees.push(member);
      }
      if (shape.withNotes === false) continue;
      const noteId = newId();
      const note = {
        themes: THEMES[index % THEMES.length]!,
        interventions: 'Psychoeducation on the session topic; structured exercise from the curriculum; validation and linking between members.',
        group_process: 'Warm, increasingly cohesive. Quieter members were invited in gently.',
      };
      notes.push({
        id: noteId,
        session_id: sessionId,
        status: 'signed',
        version: 2,
        ...note,
        created_by: leadId,
        updated_by: leadId,
        updated_at: endsAt,
        signed_by: leadId,
        signed_at: endsAt,
        cosigned_by: null,
        cosigned_at: null,
      });
      const sections = attendees.map((m) => ({
        enrolmentId: m.enrolmentId,
        body: `${m.pseudonym} took part; engaged with the exercise and offered support to peers. Reported a better week.`,
      }));
      for (const section of sections) entries.push({ note_id: noteId, enrolment_id: section.enrolmentId, body: section.body });
      // The versions Hearth's snapshot() keeps: the draft, then the signed text.
      const content = JSON.stringify({ themes: note.themes, interventions: note.interventions, groupProcess: note.group_process, members: sections });
      versions.push({ id: newId(), note_id: noteId, version: 1, kind: 'draft', content, saved_by: leadId, saved_at: endsAt });
      versions.push({ id: newId(), note_id: noteId, version: 2, kind: 'signed', content, saved_by: leadId, saved_at: endsAt });
    }
  }

  // Parents before children (foreign keys are enforced on both databases).
  count('users', await insertInChunks(db, 'users', participants));
  count('therapy_groups', await insertInChunks(db, 'therapy_groups', groups));
  count('group_facilitators', await insertInChunks(db, 'group_facilitators', facilitators));
  count('referrals', await insertInChunks(db, 'referrals', referrals));
  count('enrolments', await insertInChunks(db, 'enrolments', enrolments));
  count('group_sessions', await insertInChunks(db, 'group_sessions', sessions));
  count('attendance', await insertInChunks(db, 'attendance', attendance));
  count('group_notes', await insertInChunks(db, 'group_notes', notes));
  count('note_member_entries', await insertInChunks(db, 'note_member_entries', entries));
  count('note_versions', await insertInChunks(db, 'note_versions', versions));
  return { lead, bigGroupId, bigGroupEnrolmentIds, rows, seconds: (performance.now() - started) / 1000 };
}

/**
 * Refreshes PostgreSQL's planner statistics after the bulk load, as autovacuum would have long
 * since done for five years of rows; otherwise it could do so in the middle of a measurement and
 * change the plans under it. SQLite is left as it is: Hearth never runs ANALYZE there, so a real
 * SQLite service plans without statistics too.
 */
export async function analyseAfterLoad(db: Db, kind: 'sqlite' | 'postgres'): Promise<void> {
  if (kind === 'postgres') await sql`ANALYZE`.execute(db);
}

/** Rows per transaction; each transaction holds several multi-row INSERTs. */
const ROWS_PER_TRANSACTION = 5_000;
/** Bound parameters per INSERT: below SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMETERS_PER_STATEMENT = 30_000;

/** Inserts rows with multi-row INSERTs, one transaction per chunk of ROWS_PER_TRANSACTION; returns the count. */
export async function insertInChunks<T extends keyof DB & string>(db: Db, table: T, rows: Insertable<DB[T]>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]!).length;
  const perStatement = Math.max(1, Math.min(1_000, Math.floor(PARAMETERS_PER_STATEMENT / columns)));
  for (let start = 0; start < rows.length; start += ROWS_PER_TRANSACTION) {
    const chunk = rows.slice(start, start + ROWS_PER_TRANSACTION);
    await db.transaction().execute(async (trx) => {
      for (let at = 0; at < chunk.length; at += perStatement) {
        // Kysely cannot relate a generic table name to its row type; the rows are typed above.
        await trx
          .insertInto(table)
          .values(chunk.slice(at, at + perStatement) as never)
          .execute();
      }
    });
  }
  return rows.length;
}

/** A small seeded PRNG (Hearth's own mulberry32), so every run builds the same history (ids and dates apart). */
export function mulberry32(seed: number): () => number {
  return seededRandom(seed).next;
}
