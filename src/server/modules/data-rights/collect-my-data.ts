import type { DbOrTx } from '../../db/database.js';
import { identifiersOf } from '../pathway/record-number.js';

/**
 * Everything Hearth holds about one person that "download my data" gives them: their account,
 * record numbers, contact details, enrolments, attendance, agreement acceptances, questionnaire
 * answers and scores, goals, practice log, journal, safety plan, and their own words in their
 * groups (space posts, strategies, appreciations sent, feedback, celebrations).
 *
 * Their own data only: another member's words are never included — a post of theirs that replies
 * to someone is given without the post it answers, a thread is named by its title only when they
 * started it, and appreciations are the ones they sent (with the recipients' pseudonyms, which
 * the group knows them by). Left out on purpose, and available through the service's formal
 * subject-access process: clinicians' notes (about the whole group, reviewed before release),
 * safety alerts and their handling, moderation records, isolation signals, the audit log, and the
 * clinicians' note on contact risks (staff-only, as in the app).
 */
export async function collectMyData(db: DbOrTx, userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'role', 'status', 'created_at', 'last_sign_in_at', 'mobile_e164'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const [
    identifiers,
    contact,
    enrolments,
    attendance,
    consents,
    responses,
    goals,
    practices,
    journal,
    safetyPlan,
    posts,
    strategies,
    appreciations,
    feedback,
    celebrations,
    sessions,
    preferences,
  ] = await Promise.all([
    identifiersOf(db, userId),
    db
      .selectFrom('participant_contacts')
      .select([
        'mobile_phone',
        'home_phone',
        'preferred_method',
        'preferred_times',
        'emergency_name',
        'emergency_relation',
        'emergency_phone',
        'emergency_consent',
        'gp_practice',
        'gp_name',
        'gp_phone',
        'gp_address',
        'updated_at',
      ])
      .where('participant_id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('enrolments as e')
      .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
      .innerJoin('programmes as p', 'p.id', 'g.programme_id')
      .select(['e.id', 'e.group_id', 'e.pseudonym', 'e.status', 'e.joined_at', 'e.left_at', 'g.name as group_name', 'g.status as group_status', 'p.name as programme_name'])
      .where('e.participant_id', '=', userId)
      .orderBy('e.created_at')
      .execute(),
    db
      .selectFrom('attendance as a')
      .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
      .innerJoin('group_sessions as s', 's.id', 'a.session_id')
      .innerJoin('therapy_groups as g', 'g.id', 's.group_id')
      .select([
        'a.session_id',
        'a.enrolment_id',
        'a.status',
        'a.minutes',
        's.starts_at',
        's.ends_at',
        's.topic',
        's.status as session_status',
        'g.name as group_name',
        'g.meeting_url',
        'g.location',
      ])
      .where('e.participant_id', '=', userId)
      .orderBy('s.starts_at')
      .execute(),
    db
      .selectFrom('agreement_acceptances as aa')
      .innerJoin('enrolments as e', 'e.id', 'aa.enrolment_id')
      .innerJoin('group_agreements as ga', 'ga.id', 'aa.agreement_id')
      .innerJoin('programmes as p', 'p.id', 'ga.programme_id')
      .select(['aa.id', 'aa.enrolment_id', 'aa.agreement_id', 'aa.version', 'aa.accepted_at', 'ga.body', 'p.name as programme_name'])
      .where('e.participant_id', '=', userId)
      .orderBy('aa.accepted_at')
      .execute(),
    db
      .selectFrom('measure_responses as r')
      .leftJoin('instruments as i', (j) => j.onRef('i.code', '=', 'r.instrument_code').onRef('i.version', '=', 'r.instrument_version'))
      .select(['r.id', 'r.participant_id', 'r.instrument_code', 'r.instrument_version', 'r.answers', 'r.total', 'r.band', 'r.submitted_at', 'i.title'])
      .where('r.participant_id', '=', userId)
      .orderBy('r.submitted_at')
      .execute(),
    db.selectFrom('goals').selectAll().where('participant_id', '=', userId).orderBy('created_at').execute(),
    db
      .selectFrom('skill_practices')
      .select(['id', 'skill', 'situation', 'tried', 'rating', 'shared_at', 'created_at'])
      .where('participant_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('journal_entries')
      .select(['id', 'prompt', 'body', 'shared_with_clinician_at', 'created_at', 'updated_at'])
      .where('participant_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('safety_plans').selectAll().where('participant_id', '=', userId).executeTakeFirst(),
    db
      .selectFrom('space_posts as p')
      .innerJoin('therapy_groups as g', 'g.id', 'p.group_id')
      .leftJoin('space_threads as t', 't.id', 'p.thread_id')
      .select([
        'p.id',
        'p.kind',
        'p.body',
        'p.moderation_status',
        'p.created_at',
        'p.edited_at',
        'g.name as group_name',
        't.title as thread_title',
        't.created_by as thread_created_by',
      ])
      .where('p.author_id', '=', userId)
      .orderBy('p.created_at')
      .execute(),
    db
      .selectFrom('strategies as s')
      .innerJoin('therapy_groups as g', 'g.id', 's.group_id')
      .select(['s.id', 's.title', 's.when_helps', 's.steps', 's.moderation_status', 's.created_at', 'g.name as group_name'])
      .where('s.author_id', '=', userId)
      .orderBy('s.created_at')
      .execute(),
    db
      .selectFrom('appreciations as a')
      .innerJoin('therapy_groups as g', 'g.id', 'a.group_id')
      .select(['a.id', 'a.body', 'a.moderation_status', 'a.created_at', 'g.name as group_name'])
      .where('a.sender_id', '=', userId)
      .orderBy('a.created_at')
      .execute(),
    db
      .selectFrom('feedback_items as f')
      .innerJoin('therapy_groups as g', 'g.id', 'f.group_id')
      .select(['f.id', 'f.parent_id', 'f.body', 'f.moderation_status', 'f.created_at', 'g.name as group_name'])
      .where('f.author_id', '=', userId)
      .orderBy('f.created_at')
      .execute(),
    db
      .selectFrom('celebrations as c')
      .innerJoin('therapy_groups as g', 'g.id', 'c.group_id')
      .select(['c.id', 'c.title', 'c.note', 'c.detail', 'c.moderation_status', 'c.created_at', 'c.withdrawn_at', 'g.name as group_name'])
      .where('c.participant_id', '=', userId)
      .orderBy('c.created_at')
      .execute(),
    db.selectFrom('auth_sessions').select(['created_at', 'last_seen_at', 'ended_at', 'user_agent']).where('user_id', '=', userId).orderBy('created_at', 'desc').limit(50).execute(),
    db.selectFrom('notification_preferences').select(['kind', 'email', 'sms']).where('user_id', '=', userId).orderBy('kind').execute(),
  ]);
  const goalIds = goals.map((g) => g.id);
  const appreciationIds = appreciations.map((a) => a.id);
  const [milestones, checkins, recipients] = await Promise.all([
    goalIds.length ? db.selectFrom('goal_milestones').select(['goal_id', 'title', 'reached_at', 'reached_note']).where('goal_id', 'in', goalIds).orderBy('position').execute() : [],
    goalIds.length ? db.selectFrom('goal_checkins').select(['goal_id', 'progress', 'note', 'created_at']).where('goal_id', 'in', goalIds).orderBy('created_at').execute() : [],
    appreciationIds.length
      ? db
          .selectFrom('appreciation_recipients as r')
          .innerJoin('enrolments as e', 'e.id', 'r.recipient_enrolment_id')
          .select(['r.appreciation_id', 'e.pseudonym'])
          .where('r.appreciation_id', 'in', appreciationIds)
          .orderBy('e.pseudonym')
          .execute()
      : [],
  ]);
  const lastConsentOf = new Map(consents.map((c) => [c.enrolment_id, c.id]));
  return {
    account: {
      id: user.id,
      displayName: user.display_name,
      email: user.email,
      role: user.role,
      status: user.status,
      createdAt: user.created_at,
      lastSignInAt: user.last_sign_in_at,
      mobile: user.mobile_e164,
    },
    identifiers,
    contact: contact ?? null,
    enrolments: enrolments.map((e) => ({
      id: e.id,
      groupId: e.group_id,
      groupName: e.group_name,
      groupStatus: e.group_status,
      programmeName: e.programme_name,
      pseudonym: e.pseudonym,
      status: e.status,
      joinedAt: e.joined_at,
      leftAt: e.left_at,
    })),
    attendance: attendance.map((a) => ({
      sessionId: a.session_id,
      enrolmentId: a.enrolment_id,
      groupName: a.group_name,
      startsAt: a.starts_at,
      endsAt: a.ends_at,
      topic: a.topic,
      sessionStatus: a.session_status,
      status: a.status,
      minutes: a.minutes,
      online: a.meeting_url !== null && a.location === null,
    })),
    consents: consents.map((c) => ({
      id: c.id,
      agreementId: c.agreement_id,
      programmeName: c.programme_name,
      version: c.version,
      acceptedAt: c.accepted_at,
      body: c.body,
      current: lastConsentOf.get(c.enrolment_id) === c.id,
    })),
    responseRows: responses,
    goals: goals.map((g) => ({
      id: g.id,
      area: g.area,
      action: g.action,
      frequency: g.frequency,
      targetDate: g.target_date,
      supportNeeded: g.support_needed,
      visibility: g.visibility,
      status: g.status,
      createdAt: g.created_at,
      updatedAt: g.updated_at,
      milestones: milestones.filter((m) => m.goal_id === g.id).map((m) => ({ title: m.title, reachedAt: m.reached_at, note: m.reached_note })),
      checkins: checkins.filter((c) => c.goal_id === g.id).map((c) => ({ progress: c.progress, note: c.note, at: c.created_at })),
    })),
    practices,
    journal,
    safetyPlan: safetyPlan ?? null,
    posts: posts.map((p) => ({
      id: p.id,
      kind: p.kind,
      groupName: p.group_name,
      // Another member's thread title is their words: named only when this person started it.
      thread: p.thread_title === null ? null : p.thread_created_by === userId ? p.thread_title : 'a thread another person started',
      body: p.body,
      status: p.moderation_status,
      createdAt: p.created_at,
      editedAt: p.edited_at,
    })),
    strategies,
    appreciations: appreciations.map((a) => ({ ...a, to: recipients.filter((r) => r.appreciation_id === a.id).map((r) => r.pseudonym) })),
    feedback,
    celebrations,
    sessions,
    preferences,
  };
}

export type MyData = Awaited<ReturnType<typeof collectMyData>>;
