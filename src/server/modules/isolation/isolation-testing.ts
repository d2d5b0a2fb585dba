import { newId } from '../../lib/ids.js';
import { createUser, type TestUser } from '../../testing/fixtures.js';
import { spacePostRow, totalOnlyResponseRow } from '../../testing/rows.js';
import { newGoalRow } from '../goals/repository.js';
import type { TestApp } from '../../testing/test-app.js';
import { refreshEarlyWarning } from './run-early-warning.js';

/** Test set-up for the isolation early warning: facts written into the existing tables at given days ago. */
export function isolationWorld(t: TestApp) {
  const db = t.database.db;
  // Times are fixed when the world is made (moved only by the test clock's advances), so a test can
  // assert the exact instant it wrote: `ago(14)` is the same string at writing and at asserting.
  const frozen = Date.now();
  const offset = () => Math.round((t.clock.now().getTime() - Date.now()) / 1000) * 1000;
  const ago = (days: number) => new Date(frozen + offset() - days * 86_400_000).toISOString();
  let seq = 0;
  type Member = { enrolmentId: string; user: TestUser; groupId: string };
  /** A published space post (a chat message without a thread) by a member `daysAgo`; its id. */
  const post = async (member: Member, where: { threadId: string | null; body: string }, daysAgo: number) => {
    seq += 1;
    const id = newId();
    await db
      .insertInto('space_posts')
      .values(
        spacePostRow({
          id,
          groupId: member.groupId,
          threadId: where.threadId,
          seq,
          authorId: member.user.id,
          enrolmentId: member.enrolmentId,
          body: where.body,
          createdAt: ago(daysAgo),
        }),
      )
      .execute();
    return id;
  };
  const api = {
    ago,
    /** A group facilitated by `facilitatorId` with `n` active members who joined 60 days ago. */
    async group(facilitatorId: string, n: number) {
      const groupId = newId();
      await db
        .insertInto('therapy_groups')
        .values({
          id: groupId,
          programme_id: (await db.selectFrom('programmes').select('id').executeTakeFirstOrThrow()).id,
          name: `Group ${groupId.slice(0, 4)}`,
          status: 'active',
          created_at: ago(90),
        })
        .execute();
      await db.insertInto('group_facilitators').values({ group_id: groupId, user_id: facilitatorId, facilitator_role: 'lead' }).execute();
      const members: { enrolmentId: string; user: TestUser; groupId: string }[] = [];
      for (let i = 0; i < n; i += 1) {
        const user = await createUser(t, 'participant');
        const enrolmentId = newId();
        await db
          .insertInto('enrolments')
          .values({
            id: enrolmentId,
            group_id: groupId,
            participant_id: user.id,
            pseudonym: `Member${i}${groupId.slice(0, 3)}`,
            status: 'active',
            joined_at: ago(60),
            left_at: null,
            created_at: ago(60),
          })
          .execute();
        members.push({ enrolmentId, user, groupId });
      }
      return { groupId, members };
    },
    async session(groupId: string, daysAgo: number) {
      const id = newId();
      await db
        .insertInto('group_sessions')
        .values({
          id,
          group_id: groupId,
          starts_at: ago(daysAgo),
          ends_at: ago(daysAgo),
          plan_id: null,
          topic: 'Belonging',
          status: 'held',
          origin: 'manual',
          cancel_reason: null,
          created_at: ago(daysAgo),
          updated_at: ago(daysAgo),
        })
        .execute();
      return id;
    },
    async attend(sessionId: string, enrolmentId: string, status: 'present' | 'late' | 'left_early' | 'excused' | 'absent', recordedBy: string) {
      await db
        .insertInto('attendance')
        .values({
          session_id: sessionId,
          enrolment_id: enrolmentId,
          status,
          minutes: status === 'late' ? 10 : null,
          recorded_by: recordedBy,
          recorded_at: t.clock.now().toISOString(),
        })
        .execute();
    },
    /** A published chat message by a member `daysAgo`. */
    async message(member: Member, daysAgo: number) {
      return post(member, { threadId: null, body: 'Hello all' }, daysAgo);
    },
    /** A thread opened by a member `daysAgo`; its id. */
    async thread(member: Member, daysAgo: number) {
      const threadId = newId();
      await db
        .insertInto('space_threads')
        .values({
          id: threadId,
          group_id: member.groupId,
          title: 'Anyone else?',
          created_by: member.user.id,
          created_by_enrolment: member.enrolmentId,
          opening_post_id: null,
          created_at: ago(daysAgo),
        })
        .execute();
      const postId = await post(member, { threadId, body: 'Does anyone else find evenings hard?' }, daysAgo);
      await db.updateTable('space_threads').set({ opening_post_id: postId }).where('id', '=', threadId).execute();
      return threadId;
    },
    async reply(threadId: string, member: Member, daysAgo: number) {
      await post(member, { threadId, body: 'Yes, me too.' }, daysAgo);
    },
    async read(member: { user: TestUser; groupId: string }, daysAgo: number) {
      await db
        .insertInto('space_read_markers')
        .values({ user_id: member.user.id, group_id: member.groupId, thread_key: 'chat', last_seq: seq, updated_at: ago(daysAgo) })
        .onConflict((oc) => oc.columns(['user_id', 'group_id', 'thread_key']).doUpdateSet({ last_seq: seq, updated_at: ago(daysAgo) }))
        .execute();
    },
    async feedbackRequest(member: Member, daysAgo: number, parentId: string | null = null) {
      const id = newId();
      await db
        .insertInto('feedback_items')
        .values({
          id,
          group_id: member.groupId,
          parent_id: parentId,
          enrolment_id: member.enrolmentId,
          author_id: member.user.id,
          body: 'I’d welcome feedback on how I come across.',
          moderation_status: 'published',
          created_at: ago(daysAgo),
        })
        .execute();
      return id;
    },
    async appreciate(from: { enrolmentId: string; user: TestUser; groupId: string }, to: { enrolmentId: string; user: TestUser }, daysAgo: number) {
      const id = newId();
      await db
        .insertInto('appreciations')
        .values({
          id,
          group_id: from.groupId,
          sender_enrolment_id: from.enrolmentId,
          sender_id: from.user.id,
          session_id: null,
          body: 'Thank you for listening.',
          moderation_status: 'published',
          created_at: ago(daysAgo),
        })
        .execute();
      await db
        .insertInto('appreciation_recipients')
        .values({ appreciation_id: id, recipient_enrolment_id: to.enrolmentId, recipient_id: to.user.id, created_at: ago(daysAgo) })
        .execute();
    },
    /** A strategy `author` shared `daysAgo` (published unless told otherwise); its id. */
    async strategy(author: Member, title: string, daysAgo: number, status: 'published' | 'held' | 'removed' = 'published') {
      const id = newId();
      await db
        .insertInto('strategies')
        .values({
          id,
          group_id: author.groupId,
          enrolment_id: author.enrolmentId,
          author_id: author.user.id,
          title,
          when_helps: 'Evenings',
          steps: 'Walk round the block.',
          moderation_status: status,
          created_at: ago(daysAgo),
          updated_at: ago(daysAgo),
        })
        .execute();
      return id;
    },
    /** `marker` marks a strategy `daysAgo`. */
    async mark(strategyId: string, marker: { enrolmentId: string }, state: 'try' | 'helped' | 'didnt_help', daysAgo: number) {
      await db
        .insertInto('strategy_marks')
        .values({ strategy_id: strategyId, enrolment_id: marker.enrolmentId, state, created_at: ago(daysAgo), updated_at: ago(daysAgo) })
        .execute();
    },
    async react(member: { enrolmentId: string; user: TestUser }, daysAgo: number) {
      await db
        .insertInto('supportive_reactions')
        .values({
          id: newId(),
          target_kind: 'celebration',
          target_id: newId(),
          reactor_id: member.user.id,
          reactor_enrolment_id: member.enrolmentId,
          reaction: 'heart',
          created_at: ago(daysAgo),
        })
        .execute();
    },
    async answer(member: Member, code: 'phq-9' | 'ons-loneliness', total: number, daysAgo: number) {
      await db
        .insertInto('measure_responses')
        .values(totalOnlyResponseRow({ participantId: member.user.id, enrolmentId: member.enrolmentId, groupId: member.groupId, code, total, submittedAt: ago(daysAgo) }))
        .execute();
    },
    async goal(member: { enrolmentId: string; user: TestUser }, visibility: 'private' | 'clinicians' | 'group', createdDaysAgo: number, checkInDaysAgo: number | null) {
      const id = newId();
      await db
        .insertInto('goals')
        .values({
          ...newGoalRow({
            id,
            participantId: member.user.id,
            enrolmentId: member.enrolmentId,
            area: 'Connection',
            action: 'Call a friend',
            frequency: 'weekly',
            targetDate: '2027-06-01',
            supportNeeded: '',
            createdAt: ago(createdDaysAgo),
          }),
          visibility,
        })
        .execute();
      if (checkInDaysAgo !== null)
        await db
          .insertInto('goal_checkins')
          .values({ id: newId(), goal_id: id, progress: 'some', note: '', created_at: ago(checkInDaysAgo) })
          .execute();
    },
    /** A member active in every way: read and posted today, gave and got an appreciation, reacted. */
    async engaged(member: Member, peer: Member) {
      await api.message(member, 1);
      await api.read(member, 0);
      await api.appreciate(member, peer, 2);
      await api.appreciate(peer, member, 2);
      await api.react(member, 2);
    },
    /** Runs the early warning now for one group (as the daily job does for the service). */
    async run(groupId?: string) {
      return db.transaction().execute((trx) => refreshEarlyWarning(trx, t.clock.now(), groupId));
    },
    async snapshot(enrolmentId: string) {
      const row = await db.selectFrom('isolation_snapshots').selectAll().where('enrolment_id', '=', enrolmentId).orderBy('day', 'desc').executeTakeFirstOrThrow();
      return { level: row.level, signals: JSON.parse(row.signals) as { key: string; severity: string; soft: boolean; summary: string; figures: Record<string, unknown> }[] };
    },
  };
  return api;
}
