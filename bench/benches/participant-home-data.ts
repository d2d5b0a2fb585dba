import type { Insertable } from 'kysely';
import type { Db } from '../../src/server/db/database.js';
import type { DB, StrategyMarkState } from '../../src/server/db/schema.js';
import { newId } from '../../src/server/lib/ids.js';
import { insertInChunks, mulberry32 } from '../lib/group-history.js';
import { createAccount, type BenchAccount } from '../lib/hearth.js';

/** How much a year of a group's life holds (the figures). */
export const HOME_SHAPE = { members: 12, sessions: 52, strategies: 2_000, appreciations: 2_000, feedbackRequests: 300, goalsPerMember: 3, milestonesPerGoal: 6 } as const;

export interface HomeHistory {
  member: BenchAccount;
  groupId: string;
  rows: Record<string, number>;
  seconds: number;
}

const DAY = 86_400_000;
const PSEUDONYMS = ['Willow', 'Harbour', 'Juniper', 'Cedar', 'Skylark', 'Ember', 'Meadow', 'Pebble', 'Alder', 'Birch', 'Fern', 'Linden'];
const PROGRESS = ['not_yet', 'some', 'most', 'done'] as const;
const MARKS: StrategyMarkState[] = ['try', 'helped', 'didnt_help'];

/**
 * One group after a year of weekly sessions, straight into a migrated database: 12 members (the
 * bench member among them), 52 held sessions with attendance and 4 ahead, the programme's
 * questionnaire schedule, goals with weekly check-ins and milestones, celebrations, 2,000 shared
 * strategies with peers' marks, 2,000 appreciations and feedback requests with replies.
 */
export async function buildHomeHistory(db: Db, now = new Date()): Promise<HomeHistory> {
  const started = performance.now();
  const random = mulberry32(20261126);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const iso = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();
  const rows: Record<string, number> = {};
  const count = async <T extends keyof DB & string>(table: T, values: Insertable<DB[T]>[]) => {
    rows[table] = (rows[table] ?? 0) + (await insertInChunks(db, table, values));
  };

  const member = await createAccount(db, 'participant');
  const lead = await createAccount(db, 'clinician');
  const programmeId = newId();
  const groupId = newId();
  const yearAgo = iso(365 * DAY);
  await count('programmes', [{ id: programmeId, name: 'The Power of Connection', description: 'bench', created_at: yearAgo }]);
  await count('therapy_groups', [
    {
      id: groupId,
      programme_id: programmeId,
      name: 'Tuesday evening group',
      status: 'active',
      created_at: yearAgo,
      rrule: null,
      first_session_local: null,
      location: 'Room 3',
      meeting_url: null,
      updated_at: null,
    },
  ]);
  await count('group_facilitators', [{ group_id: groupId, user_id: lead.id, facilitator_role: 'lead' }]);

  const others = await Promise.all(Array.from({ length: HOME_SHAPE.members - 1 }, () => createAccount(db, 'participant')));
  const people = [member, ...others];
  const enrolments = people.map((p, i) => ({ id: newId(), participantId: p.id, pseudonym: PSEUDONYMS[i]! }));
  await count(
    'enrolments',
    enrolments.map((e) => ({
      id: e.id,
      group_id: groupId,
      participant_id: e.participantId,
      pseudonym: e.pseudonym,
      status: 'active' as const,
      joined_at: yearAgo,
      left_at: null,
      created_at: yearAgo,
      referral_id: null,
      status_reason: null,
      status_changed_at: yearAgo,
      agreement_version: 1,
      agreement_accepted_at: yearAgo,
    })),
  );

  const sessions = Array.from({ length: HOME_SHAPE.sessions + 4 }, (_, i) => {
    const startsMs = now.getTime() - (HOME_SHAPE.sessions - i) * 7 * DAY + 2 * DAY;
    return {
      id: newId(),
      group_id: groupId,
      starts_at: new Date(startsMs).toISOString(),
      ends_at: new Date(startsMs + 90 * 60_000).toISOString(),
      plan_id: null,
      topic: `Session ${i + 1}`,
      status: (startsMs < now.getTime() ? 'held' : 'scheduled') as 'held' | 'scheduled',
      origin: 'schedule' as const,
      cancel_reason: null,
      created_at: yearAgo,
      updated_at: yearAgo,
    };
  });
  await count('group_sessions', sessions);
  const held = sessions.filter((s) => s.status === 'held');
  await count(
    'attendance',
    held.flatMap((s) =>
      enrolments.map((e) => ({
        session_id: s.id,
        enrolment_id: e.id,
        status: random() < 0.88 ? ('present' as const) : ('excused' as const),
        minutes: null,
        recorded_by: lead.id,
        recorded_at: s.ends_at,
      })),
    ),
  );
  await count('measure_schedules', [
    { id: newId(), programme_id: programmeId, group_id: null, instrument_code: 'phq-9', trigger: 'enrolment', every_n: null, created_by: lead.id, created_at: yearAgo },
    { id: newId(), programme_id: programmeId, group_id: null, instrument_code: 'phq-9', trigger: 'every_n_sessions', every_n: 4, created_by: lead.id, created_at: yearAgo },
  ]);

  // Goals with a check-in a week and ordered milestones; every third goal is shared with the group.
  const goals: Insertable<DB['goals']>[] = [];
  const checkins: Insertable<DB['goal_checkins']>[] = [];
  const milestones: Insertable<DB['goal_milestones']>[] = [];
  const celebrations: Insertable<DB['celebrations']>[] = [];
  for (const e of enrolments) {
    for (let g = 0; g < HOME_SHAPE.goalsPerMember + (e.participantId === member.id ? 2 : 0); g++) {
      const goalId = newId();
      const shared = g % 3 === 0;
      const created = iso((300 - g * 40) * DAY);
      goals.push({
        id: goalId,
        participant_id: e.participantId,
        enrolment_id: e.id,
        area: 'Connection',
        action: `Goal ${g + 1} of ${e.pseudonym}`,
        frequency: 'twice a week',
        target_date: '2027-06-30',
        support_needed: '',
        visibility: shared ? 'group' : 'private',
        shared_group_id: shared ? groupId : null,
        shared_enrolment_id: shared ? e.id : null,
        moderation_status: shared ? 'published' : null,
        shared_at: shared ? created : null,
        status: 'active',
        created_at: created,
        updated_at: created,
      });
      for (let w = 0; w < 40; w++)
        checkins.push({ id: newId(), goal_id: goalId, progress: pick(PROGRESS), note: 'Weekly check-in', created_at: iso((300 - g * 40 - w * 7) * DAY) });
      for (let m = 0; m < HOME_SHAPE.milestonesPerGoal; m++) {
        const milestoneId = newId();
        // Two milestones reached long ago, the third within the last fortnight (recent celebrations).
        const reached = m < 3 ? iso((m === 2 ? 3 + g : 250 - m * 60 - g) * DAY) : null;
        milestones.push({ id: milestoneId, goal_id: goalId, position: m + 1, title: `Step ${m + 1}`, reached_at: reached, reached_note: null });
        if (reached)
          celebrations.push({
            id: newId(),
            goal_id: goalId,
            milestone_id: milestoneId,
            participant_id: e.participantId,
            enrolment_id: e.id,
            group_id: groupId,
            detail: 'title',
            title: `Step ${m + 1}`,
            note: null,
            moderation_status: 'published',
            created_at: reached,
            withdrawn_at: null,
          });
      }
    }
  }
  await count('goals', goals);
  await count('goal_checkins', checkins);
  await count('goal_milestones', milestones);
  await count('celebrations', celebrations);

  // 2,000 strategies over the year, each marked by a few peers.
  const strategies: Insertable<DB['strategies']>[] = [];
  const marks: Insertable<DB['strategy_marks']>[] = [];
  for (let i = 0; i < HOME_SHAPE.strategies; i++) {
    const author = pick(enrolments);
    const at = iso(Math.floor(random() * 365 * DAY));
    const id = newId();
    strategies.push({
      id,
      group_id: groupId,
      enrolment_id: author.id,
      author_id: author.participantId,
      title: `Strategy ${i + 1}: breathing, walking or texting a friend`,
      when_helps: 'When things feel heavy before a meeting.',
      steps: 'Step one.\nStep two.\nStep three.',
      moderation_status: random() < 0.97 ? 'published' : 'held',
      created_at: at,
      updated_at: at,
    });
    for (const peer of enrolments)
      if (peer !== author && random() < 0.25) marks.push({ strategy_id: id, enrolment_id: peer.id, state: pick(MARKS), created_at: at, updated_at: at });
  }
  await count('strategies', strategies);
  await count('strategy_marks', marks);

  // 2,000 appreciations to one or two peers, and feedback requests with replies.
  const appreciations: Insertable<DB['appreciations']>[] = [];
  const recipients: Insertable<DB['appreciation_recipients']>[] = [];
  for (let i = 0; i < HOME_SHAPE.appreciations; i++) {
    const sender = pick(enrolments);
    const at = iso(Math.floor(random() * 365 * DAY));
    const id = newId();
    appreciations.push({
      id,
      group_id: groupId,
      sender_enrolment_id: sender.id,
      sender_id: sender.participantId,
      session_id: pick(held).id,
      body: 'What I valued in what you shared: your honesty about the hard weeks.',
      moderation_status: 'published',
      created_at: at,
    });
    const to = new Set([pick(enrolments), pick(enrolments)].filter((r) => r !== sender));
    for (const r of to) recipients.push({ appreciation_id: id, recipient_enrolment_id: r.id, recipient_id: r.participantId, created_at: at });
  }
  await count('appreciations', appreciations);
  await count('appreciation_recipients', recipients);
  const feedback: Insertable<DB['feedback_items']>[] = [];
  for (let i = 0; i < HOME_SHAPE.feedbackRequests; i++) {
    const author = pick(enrolments);
    const at = Math.floor(random() * 365 * DAY);
    const id = newId();
    feedback.push({
      id,
      group_id: groupId,
      parent_id: null,
      enrolment_id: author.id,
      author_id: author.participantId,
      body: 'I’d welcome feedback on how I come across.',
      moderation_status: 'published',
      created_at: iso(at),
    });
    for (let r = 0; r < 2; r++) {
      const replier = pick(enrolments);
      feedback.push({
        id: newId(),
        group_id: groupId,
        parent_id: id,
        enrolment_id: replier.id,
        author_id: replier.participantId,
        body: 'You come across as thoughtful.',
        moderation_status: 'published',
        created_at: iso(Math.max(0, at - DAY)),
      });
    }
  }
  await count('feedback_items', feedback);
  await count('seen_markers', [{ user_id: member.id, marker: 'appreciations', seen_at: iso(10 * DAY) }]);
  return { member, groupId, rows, seconds: (performance.now() - started) / 1000 };
}
