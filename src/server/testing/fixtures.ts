import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import type { DB, EnrolmentStatus, Role } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { newId } from '../lib/ids.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { recordCourseStep } from '../modules/measures/courses.js';
import { NEW_MEMBER_HELD_ITEMS } from '../modules/moderation/decision.js';
import { appendModerationLog } from '../modules/moderation/record-moderation.js';
import { normalizePhrase } from '../modules/moderation/watched-phrases.js';
import { insertUser } from '../modules/users/repository.js';
import { celebrationRow, scheduledSessionRow, sharedGoalRow, spacePostRow } from './rows.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/** A signed-in caller: its cookie header and CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  role: Role;
  email: string;
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  displayName: string;
}

/** A fresh active account with TEST_PASSWORD (hash computed once per process). */
export async function createUser(t: TestApp, role: Role, name = `${role} ${newId().slice(0, 6)}`): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${role}.${newId()}@test.hearth.local`;
  const row = await insertUser(t.database.db, {
    email,
    displayName: name,
    role,
    status: 'active',
    passwordHash: await passwordHash,
    now: t.clock.now(),
  });
  return { id: row.id, email, role, displayName: name };
}

/** The session cookie from a response, as a Cookie header value. */
export function cookieFrom(response: LightMyRequestResponse): string {
  const setCookie = response.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (!first) throw new Error(`no cookie in response ${response.statusCode}: ${response.body}`);
  return first.split(';')[0] ?? '';
}

/** Signs in through the API; staff get the demo "enrolment offered" state, which counts as signed in. */
export async function signIn(t: TestApp, user: { email: string }, password = TEST_PASSWORD): Promise<Session> {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const me = response.json() as { csrfToken: string; user: { id: string; role: Role; email: string } };
  return { cookie: cookieFrom(response), csrf: me.csrfToken, userId: me.user.id, role: me.user.role, email: me.user.email };
}

/** Signs each user in, together; the sessions in the same order. */
export function signInAll(t: TestApp, users: readonly { email: string }[]): Promise<Session[]> {
  return Promise.all(users.map((user) => signIn(t, user)));
}

/** How many rows a table holds. */
export async function countRows(t: TestApp, table: keyof DB): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Calls the API as `session` (cookie and CSRF header), or anonymously. */
export function call(app: FastifyInstance, session: Session | null, method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method,
    url,
    ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      ...headers,
    },
  });
}

/** A current TOTP code for a secret at the test clock's time, for a given step offset. */
export function totpAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** Two groups of one programme, each with its own clinician and participant, plus an admin. */
export interface World {
  admin: TestUser;
  clinicianA: TestUser;
  clinicianB: TestUser;
  participantA: TestUser;
  participantA2: TestUser;
  participantB: TestUser;
  groupA: string;
  groupB: string;
  enrolmentA: string;
  enrolmentB: string;
  programmeId: string;
  /** A held session of each group (yesterday) and an upcoming one. */
  sessionA: string;
  sessionB: string;
  upcomingA: string;
  referralB: string;
  /** A PHQ-9 response of participant B and the alert it raised. */
  responseB: string;
  alertB: string;
  /** A strategy shared in group B, its library entry and a feedback request of group B. */
  strategyB: string;
  /** A thread of group B's space and its opening post. */
  spaceThreadB: string;
  spacePostB: string;
  libraryEntryB: string;
  feedbackRequestB: string;
  /** Participant B's goal (with a reached milestone celebrated in group B), a practice entry shared with group B, a journal entry. */
  goalB: string;
  milestoneB: string;
  celebrationB: string;
  practiceB: string;
  journalEntryB: string;
  /** Group B's celebration as a moderated item (its moderation-log row), and a watched phrase of the service. */
  moderatedItemB: string;
  watchedPhrase: string;
}

/** A programme and its active groups, each with its facilitators; the ids, groups in the order given. */
export async function createProgramme<const G extends readonly { name: string; facilitators: readonly { userId: string; role: 'lead' | 'co' }[] }[]>(
  t: TestApp,
  name: string,
  groups: G,
): Promise<{ programmeId: string; groupIds: { -readonly [K in keyof G]: string } }> {
  const db = t.database.db;
  const now = t.clock.now().toISOString();
  const programmeId = newId();
  await db.insertInto('programmes').values({ id: programmeId, name, description: 'test', created_at: now }).execute();
  const groupIds = groups.map(() => newId());
  await db
    .insertInto('therapy_groups')
    .values(groups.map((group, i) => ({ id: groupIds[i]!, programme_id: programmeId, name: group.name, status: 'active' as const, created_at: now })))
    .execute();
  await db
    .insertInto('group_facilitators')
    .values(groups.flatMap((group, i) => group.facilitators.map((f) => ({ group_id: groupIds[i]!, user_id: f.userId, facilitator_role: f.role }))))
    .execute();
  return { programmeId, groupIds: groupIds as { -readonly [K in keyof G]: string } };
}

export async function createWorld(t: TestApp): Promise<World> {
  const db = t.database.db;
  const now = t.clock.now().toISOString();
  const [admin, clinicianA, clinicianB, participantA, participantA2, participantB] = await Promise.all([
    createUser(t, 'admin'),
    createUser(t, 'clinician'),
    createUser(t, 'clinician'),
    createUser(t, 'participant', 'Alice Private'),
    createUser(t, 'participant', 'Aaron Private'),
    createUser(t, 'participant', 'Bea Private'),
  ]);
  const {
    programmeId,
    groupIds: [groupA, groupB],
  } = await createProgramme(t, 'The Power of Connection', [
    { name: 'Group A', facilitators: [{ userId: clinicianA.id, role: 'lead' }] },
    { name: 'Group B', facilitators: [{ userId: clinicianB.id, role: 'lead' }] },
  ]);
  const enrolmentA = newId();
  const enrolmentB = newId();
  const enrol = (id: string, groupId: string, participantId: string, pseudonym: string) => ({
    id,
    group_id: groupId,
    participant_id: participantId,
    pseudonym,
    status: 'active' as const,
    joined_at: new Date(t.clock.now().getTime() - 30 * 86_400_000).toISOString(),
    left_at: null,
    created_at: now,
  });
  await db
    .insertInto('enrolments')
    .values([enrol(enrolmentA, groupA, participantA.id, 'Willow'), enrol(newId(), groupA, participantA2.id, 'Cedar'), enrol(enrolmentB, groupB, participantB.id, 'Harbour')])
    .execute();
  const at = (hours: number) => new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString();
  const session = (id: string, groupId: string, startHours: number) =>
    scheduledSessionRow({ id, groupId, startsAt: at(startHours), topic: 'Belonging: you are not alone', createdAt: now });
  const [sessionA, sessionB, upcomingA] = [newId(), newId(), newId()];
  await db
    .insertInto('group_sessions')
    .values([session(sessionA, groupA, -24), session(sessionB, groupB, -24), session(upcomingA, groupA, 24 * 7)])
    .execute();
  const referralB = newId();
  await db
    .insertInto('referrals')
    .values({
      id: referralB,
      group_id: groupB,
      person_name: 'Carl Candidate',
      person_email: `carl.${newId()}@test.hearth.local`,
      referred_by: clinicianB.id,
      reason: 'Low mood and isolation after a move.',
      status: 'referred',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const [responseB, alertB] = [newId(), newId()];
  await db
    .insertInto('measure_responses')
    .values({
      id: responseB,
      participant_id: participantB.id,
      enrolment_id: enrolmentB,
      group_id: groupB,
      request_id: null,
      instrument_code: 'phq-9',
      instrument_version: 1,
      answers: JSON.stringify({}),
      total: 12,
      band: 'Moderate',
      caseness: 1,
      prorated: 0,
      idempotency_key: `fixture-${responseB}`,
      submitted_at: now,
    })
    .execute();
  await recordCourseStep(db, { participantId: participantB.id, instrumentCode: 'phq-9', groupId: groupB, enrolmentId: enrolmentB, total: 12, submittedAt: now });
  await db
    .insertInto('alerts')
    .values({
      id: alertB,
      kind: 'measure_item',
      tier: 'urgent',
      participant_id: participantB.id,
      enrolment_id: enrolmentB,
      group_id: groupB,
      source_type: 'measure_response',
      source_id: responseB,
      summary: 'PHQ-9 item 9',
      status: 'open',
      created_at: now,
      ack_due_at: now,
      next_escalation_at: now,
    })
    .execute();
  const [strategyB, libraryEntryB, feedbackRequestB] = [newId(), newId(), newId()];
  await db
    .insertInto('strategies')
    .values({
      id: strategyB,
      group_id: groupB,
      enrolment_id: enrolmentB,
      author_id: participantB.id,
      title: 'Box breathing',
      when_helps: 'Before meetings',
      steps: 'In 4, hold 4, out 4, hold 4.',
      moderation_status: 'published',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('library_entries')
    .values({
      id: libraryEntryB,
      programme_id: programmeId,
      group_id: groupB,
      strategy_id: strategyB,
      title: 'Box breathing',
      when_helps: 'Before meetings',
      steps: 'In 4, hold 4, out 4, hold 4.',
      credit: 'anonymous',
      credit_name: null,
      evidence_note: null,
      search_text: 'box breathing',
      status: 'active',
      curated_by: clinicianB.id,
      curated_at: now,
      removed_by: null,
      removed_at: null,
      removal_reason: null,
    })
    .execute();
  await db
    .insertInto('feedback_items')
    .values({
      id: feedbackRequestB,
      group_id: groupB,
      parent_id: null,
      enrolment_id: enrolmentB,
      author_id: participantB.id,
      body: 'I’d welcome feedback on how I handle conflict.',
      moderation_status: 'published',
      created_at: now,
    })
    .execute();
  const [goalB, milestoneB, celebrationB, practiceB, journalEntryB] = [newId(), newId(), newId(), newId(), newId()];
  await db
    .insertInto('goals')
    .values(sharedGoalRow({ id: goalB, participantId: participantB.id, enrolmentId: enrolmentB, groupId: groupB, createdAt: now }))
    .execute();
  await db.insertInto('goal_milestones').values({ id: milestoneB, goal_id: goalB, position: 1, title: 'First call', reached_at: now, reached_note: null }).execute();
  await db
    .insertInto('celebrations')
    .values(
      celebrationRow({
        id: celebrationB,
        goalId: goalB,
        milestoneId: milestoneB,
        participantId: participantB.id,
        enrolmentId: enrolmentB,
        groupId: groupB,
        note: null,
        createdAt: now,
      }),
    )
    .execute();
  await db
    .insertInto('skill_practices')
    .values({
      id: practiceB,
      participant_id: participantB.id,
      enrolment_id: enrolmentB,
      skill: 'Arriving and being present in a group',
      situation: 'Team meeting',
      tried: 'Named one thing I noticed',
      rating: 4,
      shared_group_id: groupB,
      shared_enrolment_id: enrolmentB,
      moderation_status: 'published',
      shared_at: now,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('journal_entries')
    .values({ id: journalEntryB, participant_id: participantB.id, prompt: null, body: 'A private reflection.', shared_with_clinician_at: now, created_at: now, updated_at: now })
    .execute();
  const [spaceThreadB, spacePostB] = [newId(), newId()];
  await db
    .insertInto('space_threads')
    .values({ id: spaceThreadB, group_id: groupB, title: 'Welcome', created_by: clinicianB.id, created_by_enrolment: null, opening_post_id: null, created_at: now })
    .execute();
  await db.insertInto('space_counters').values({ group_id: groupB, last_seq: 1 }).execute();
  await db
    .insertInto('space_posts')
    .values(
      spacePostRow({ id: spacePostB, groupId: groupB, threadId: spaceThreadB, seq: 1, authorId: participantB.id, enrolmentId: enrolmentB, body: 'Hello group B', createdAt: now }),
    )
    .execute();
  await db.updateTable('space_threads').set({ opening_post_id: spacePostB }).where('id', '=', spaceThreadB).execute();
  await db
    .insertInto('moderation_log')
    .values({
      id: newId(),
      item_kind: 'celebration',
      item_id: celebrationB,
      group_id: groupB,
      author_id: participantB.id,
      actor_id: null,
      action: 'published',
      reason: 'Published.',
      created_at: now,
    })
    .execute();
  const watchedPhrase = newId();
  await db
    .insertInto('watched_phrases')
    .values({
      id: watchedPhrase,
      phrase: 'pro ana',
      normalized: 'pro ana',
      action: 'hold',
      note: null,
      created_by: admin.id,
      created_at: now,
      updated_by: admin.id,
      updated_at: now,
    })
    .execute();
  return {
    moderatedItemB: celebrationB,
    watchedPhrase,
    spaceThreadB,
    spacePostB,
    admin,
    clinicianA,
    clinicianB,
    participantA,
    participantA2,
    participantB,
    groupA,
    groupB,
    enrolmentA,
    enrolmentB,
    programmeId,
    sessionA,
    sessionB,
    upcomingA,
    referralB,
    responseB,
    alertB,
    strategyB,
    libraryEntryB,
    feedbackRequestB,
    goalB,
    milestoneB,
    celebrationB,
    practiceB,
    journalEntryB,
  };
}

/**
 * Enrols a participant in a group (active, joined now, unless told otherwise); the enrolment's id.
 * For members the test adds besides createWorld's.
 */
export async function enrol(
  t: TestApp,
  groupId: string,
  participantId: string,
  pseudonym: string,
  options: { status?: EnrolmentStatus; joinedAt?: string | null } = {},
): Promise<string> {
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.database.db
    .insertInto('enrolments')
    .values({
      id,
      group_id: groupId,
      participant_id: participantId,
      pseudonym,
      status: options.status ?? 'active',
      joined_at: options.joinedAt === undefined ? now : options.joinedAt,
      left_at: null,
      created_at: now,
    })
    .execute();
  return id;
}

const AROUND_THE_CLOCK = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })));

/** Makes groups post-moderated and staffed around the clock, so nothing is held for the hour it is written. */
export async function staffAroundTheClock(t: TestApp, groupIds: readonly string[]): Promise<void> {
  await t.database.db.updateTable('therapy_groups').set({ moderation_mode: 'post', staffed_hours: AROUND_THE_CLOCK }).where('id', 'in', groupIds).execute();
}

/** Lets authors count as established in a group (NEW_MEMBER_HELD_ITEMS published items each in its moderation log), past the new-member hold. */
export async function establishAuthors(t: TestApp, groupId: string, authorIds: readonly string[]): Promise<void> {
  for (const authorId of authorIds) {
    for (let i = 0; i < NEW_MEMBER_HELD_ITEMS; i++) {
      await appendModerationLog(t.database.db, {
        item: { kind: 'post', id: newId(), groupId, authorId },
        actorId: null,
        action: 'published',
        reason: 'fixture',
        now: t.clock.now(),
      });
    }
  }
}

/** A group's space staffed around the clock, where the posts of `authors` publish at once. */
export async function openSpace(t: TestApp, groupId: string, authors: readonly string[]): Promise<void> {
  await staffAroundTheClock(t, [groupId]);
  await establishAuthors(t, groupId, authors);
}

/** Adds watched phrases of the service (stored normalised, as the admin screen stores them). */
export async function watchPhrases(t: TestApp, createdBy: string, phrases: [phrase: string, action: 'block' | 'hold' | 'flag' | 'redact'][]): Promise<void> {
  const now = t.clock.now().toISOString();
  await t.database.db
    .insertInto('watched_phrases')
    .values(
      phrases.map(([phrase, action]) => ({
        id: newId(),
        phrase,
        normalized: normalizePhrase(phrase),
        action,
        note: null,
        created_by: createdBy,
        created_at: now,
        updated_by: null,
        updated_at: now,
      })),
    )
    .execute();
}

/** The AppError a call is refused with; a call that succeeds, or fails otherwise, fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
