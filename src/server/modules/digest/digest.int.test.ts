import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createWorld, signIn, type World } from '../../testing/fixtures.js';
import { celebrationRow, scheduledSessionRow, sharedGoalRow, spacePostRow } from '../../testing/rows.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { deliverQueuedMail, MAIL_RETRY, MAX_ATTEMPTS } from '../mail/deliver-mail.js';
import { kindLabel, type ContentKind } from '../moderation/kinds.js';
import { sendDueDigests, type DigestSettings } from './send-due-digests.js';

let t: TestApp;
let world: World;
const HELD_TEXT = 'I have been feeling low since the last session and did not want to say it in the room.';
const TAGGED_TEXT = 'Can we talk about how to ask for help at work next time?';
const settings: DigestSettings = { leadMs: 8 * 86_400_000, smtpConfigured: false, publicUrl: 'https://hearth.example.org', serviceName: 'Riverside Hearth' };

async function enrolmentOf(participantId: string) {
  return t.database.db
    .selectFrom('enrolments')
    .select(['id', 'pseudonym'])
    .where('participant_id', '=', participantId)
    .where('group_id', '=', world.groupA)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  const db = t.database.db;
  const now = new Date().toISOString();
  const a = await enrolmentOf(world.participantA.id);
  const a2 = await enrolmentOf(world.participantA2.id);
  // Group A's space: a held post by A, a published post by A2 that A2 brought to group.
  const thread = newId();
  const [held, tagged] = [newId(), newId()];
  await db
    .insertInto('space_threads')
    .values({ id: thread, group_id: world.groupA, title: 'Between sessions', created_by: world.clinicianA.id, created_by_enrolment: null, opening_post_id: null, created_at: now })
    .execute();
  const post = (id: string, seq: number, author: string, enrolment: string, body: string, status: 'held' | 'published') =>
    spacePostRow({ id, groupId: world.groupA, threadId: thread, seq, authorId: author, enrolmentId: enrolment, body, createdAt: now, status });
  await db
    .insertInto('space_posts')
    .values([post(held, 1, world.participantA.id, a.id, HELD_TEXT, 'held'), post(tagged, 2, world.participantA2.id, a2.id, TAGGED_TEXT, 'published')])
    .execute();
  await db
    .insertInto('space_tags')
    .values({
      id: newId(),
      group_id: world.groupA,
      post_id: tagged,
      tagged_by: world.participantA2.id,
      note: 'For the session on asking for help',
      session_id: world.upcomingA,
      created_at: now,
    })
    .execute();
  // A celebration A shared with its title only.
  const [goal, milestone] = [newId(), newId()];
  await db
    .insertInto('goals')
    .values(sharedGoalRow({ id: goal, participantId: world.participantA.id, enrolmentId: a.id, groupId: world.groupA, createdAt: now }))
    .execute();
  await db.insertInto('goal_milestones').values({ id: milestone, goal_id: goal, position: 1, title: 'First call', reached_at: now, reached_note: 'It went well' }).execute();
  await db
    .insertInto('celebrations')
    .values(
      celebrationRow({
        id: newId(),
        goalId: goal,
        milestoneId: milestone,
        participantId: world.participantA.id,
        enrolmentId: a.id,
        groupId: world.groupA,
        note: 'Private detail',
        createdAt: now,
      }),
    )
    .execute();
  // A2 missed the last two sessions.
  const past = newId();
  await db
    .insertInto('group_sessions')
    .values({
      ...scheduledSessionRow({ id: past, groupId: world.groupA, startsAt: new Date(Date.now() - 8 * 86_400_000).toISOString(), topic: 'Earlier', createdAt: now }),
      status: 'held',
    })
    .execute();
  await db.updateTable('group_sessions').set({ status: 'held' }).where('id', '=', world.sessionA).execute();
  for (const session of [past, world.sessionA]) {
    await db
      .insertInto('attendance')
      .values({ session_id: session, enrolment_id: a2.id, status: 'absent', minutes: null, recorded_by: world.clinicianA.id, recorded_at: now })
      .onConflict((oc) => oc.columns(['session_id', 'enrolment_id']).doUpdateSet({ status: 'absent' }))
      .execute();
  }
});
afterAll(async () => t.close());

describe('between-session digest', () => {
  it('shows the group’s facilitators held posts, posts brought to group, celebrations, alerts and attendance risks before it is sent', async () => {
    const lead = await signIn(t, world.clinicianA);
    const response = await call(t.app, lead, 'GET', `/api/sessions/${world.upcomingA}/digest`);
    expect(response.statusCode).toBe(200);
    const digest = response.json();
    expect(digest.stored).toBe(false);
    const a2 = await enrolmentOf(world.participantA2.id);
    expect(digest.heldItems).toEqual([expect.objectContaining({ excerpt: HELD_TEXT })]);
    expect(digest.taggedPosts).toEqual([
      expect.objectContaining({ excerpt: TAGGED_TEXT, author: a2.pseudonym, taggedBy: a2.pseudonym, note: 'For the session on asking for help' }),
    ]);
    // The member shared the title only: the note stays out of the digest too.
    expect(digest.celebrations).toEqual([expect.objectContaining({ text: 'First call' })]);
    expect(digest.attendanceRisks).toEqual([expect.objectContaining({ enrolmentId: a2.id, member: a2.pseudonym, missedInRow: 2 })]);
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', '=', 'digest.read').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('names each held item the way the moderation queue does (one label per kind)', async () => {
    const db = t.database.db;
    // A second kind held: A's shared goal.
    await db.updateTable('goals').set({ moderation_status: 'held' }).where('participant_id', '=', world.participantA.id).where('visibility', '=', 'group').execute();
    try {
      const lead = await signIn(t, world.clinicianA);
      const digest = (await call(t.app, lead, 'GET', `/api/sessions/${world.upcomingA}/digest`)).json() as { heldItems: { kind: ContentKind; id: string; label: string }[] };
      const queue = (await call(t.app, lead, 'GET', '/api/moderation/queue')).json() as { held: { kind: ContentKind; id: string; kindLabel: string }[] };
      expect(digest.heldItems.map((h) => h.kind).sort()).toEqual(['goal', 'post']);
      for (const item of digest.heldItems) {
        const queued = queue.held.find((q) => q.id === item.id);
        expect(queued?.kindLabel, item.kind).toBe(item.label);
        expect(item.label).toBe(kindLabel(item.kind));
      }
      expect(digest.heldItems.map((h) => h.label).sort()).toEqual(['group-space post', 'shared goal']);
    } finally {
      await db.updateTable('goals').set({ moderation_status: 'published' }).where('participant_id', '=', world.participantA.id).where('visibility', '=', 'group').execute();
    }
  });

  it('is refused to other clinicians (404), participants and administrators (403)', async () => {
    expect((await call(t.app, await signIn(t, world.clinicianB), 'GET', `/api/sessions/${world.upcomingA}/digest`)).statusCode).toBe(404);
    expect((await call(t.app, await signIn(t, world.participantA), 'GET', `/api/sessions/${world.upcomingA}/digest`)).statusCode).toBe(403);
    expect((await call(t.app, await signIn(t, world.admin), 'GET', `/api/sessions/${world.upcomingA}/digest`)).statusCode).toBe(403);
  });

  it('is sent once per session within the lead time: stored, an in-app notice and an e-mail without member details to the outbox', async () => {
    const db = t.database.db;
    expect(await sendDueDigests(db, { ...settings, leadMs: 86_400_000 }, new Date())).toBe(0);
    expect(await sendDueDigests(db, settings, new Date())).toBe(1);
    expect(await sendDueDigests(db, settings, new Date())).toBe(0);
    const stored = await db.selectFrom('session_digests').selectAll().where('session_id', '=', world.upcomingA).execute();
    expect(stored).toHaveLength(1);
    const notices = await db.selectFrom('notifications').selectAll().where('kind', '=', 'session_digest').execute();
    expect(notices.map((n) => n.user_id)).toContain(world.clinicianA.id);
    expect(notices.every((n) => !n.body.includes(HELD_TEXT))).toBe(true);
    const mail = await db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'session_digest').execute();
    expect(mail.length).toBe(notices.length);
    expect(mail[0]).toMatchObject({ status: 'outbox', to_address: world.clinicianA.email });
    expect(mail[0]!.body_text).toContain(`https://hearth.example.org/sessions/${world.upcomingA}/digest`);
    expect(mail[0]!.body_text).toContain('1 held post');
    for (const text of [HELD_TEXT, TAGGED_TEXT, 'First call']) expect(mail[0]!.body_text).not.toContain(text);
    const lead = await signIn(t, world.clinicianA);
    expect((await call(t.app, lead, 'GET', `/api/sessions/${world.upcomingA}/digest`)).json().stored).toBe(true);
  });

  it('lets administrators read the outbox, and no one else', async () => {
    const list = await call(t.app, await signIn(t, world.admin), 'GET', '/api/admin/mail?status=outbox');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ smtpConfigured: false, mail: [expect.objectContaining({ kind: 'session_digest', status: 'outbox' })] });
    expect((await call(t.app, await signIn(t, world.clinicianA), 'GET', '/api/admin/mail')).statusCode).toBe(403);
    expect((await call(t.app, await signIn(t, world.participantA), 'GET', '/api/admin/mail')).statusCode).toBe(403);
  });

  it('delivers queued mail through nodemailer once, retries a failing server and gives up after the last attempt', async () => {
    const db = t.database.db;
    await db.updateTable('mail_outbox').set({ status: 'queued' }).where('status', '=', 'outbox').execute();
    // nodemailer's stream transport builds the real message without a network.
    const sent: string[] = [];
    const streaming = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const recording = {
      sendMail: async (m: Parameters<typeof streaming.sendMail>[0]) => {
        const info = await streaming.sendMail(m);
        sent.push(String((info as { message: Buffer }).message));
        return info;
      },
    };
    const first = await deliverQueuedMail(db, recording, 'Hearth <no-reply@hearth.example.org>', new Date());
    expect(first.sent).toBeGreaterThan(0);
    expect(sent[0]).toContain('Subject: Riverside Hearth: Digest before');
    expect((await deliverQueuedMail(db, recording, 'x@y.z', new Date())).sent).toBe(0);
    // A server that refuses connections: back to the queue after a wait that doubles (half of it
    // random: MAIL_RETRY), not tried again before then, then failed after MAX_ATTEMPTS.
    const id = (await db.selectFrom('mail_outbox').select('id').executeTakeFirstOrThrow()).id;
    await db.updateTable('mail_outbox').set({ status: 'queued', attempts: 0 }).where('id', '=', id).execute();
    const refusing = nodemailer.createTransport('smtp://127.0.0.1:1');
    let at = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect((await deliverQueuedMail(db, refusing, 'x@y.z', at)).failed).toBe(1);
      const row = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.attempts).toBe(attempt);
      expect(row.status).toBe(attempt < MAX_ATTEMPTS ? 'queued' : 'failed');
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
      if (attempt === MAX_ATTEMPTS) {
        expect(row.next_attempt_at).toBeNull();
        break;
      }
      const wait = Date.parse(row.next_attempt_at!) - at.getTime();
      const ceiling = Math.min(MAIL_RETRY.maxMs, MAIL_RETRY.baseMs * 2 ** (attempt - 1));
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
      expect(wait).toBeLessThanOrEqual(ceiling);
      // Just before the wait is over nothing is tried; at its end the next attempt goes.
      expect(await deliverQueuedMail(db, refusing, 'x@y.z', new Date(at.getTime() + wait - 1))).toEqual({ sent: 0, failed: 0 });
      at = new Date(at.getTime() + wait);
    }
    expect(await deliverQueuedMail(db, refusing, 'x@y.z', new Date(at.getTime() + 24 * 3_600_000))).toEqual({ sent: 0, failed: 0 });
  });
});
