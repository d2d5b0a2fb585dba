import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SpaceOverview, SpacePost } from '../../../shared/schemas/space.js';
import { call, createWorld, signIn, type Session, type World, openSpace } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { readChat, sayInSpace } from './space-testing.js';
import { isBlocked } from './blocks.js';

let t: TestApp;
let world: World;
let alice: Session;
let aaron: Session;
let bea: Session;
let clinician: Session;
let aaronEnrolment: string;

const space = (groupId = world.groupA) => `/api/space/groups/${groupId}`;

const say = (session: Session, text: string, thread = 'chat', extra: Record<string, unknown> = {}) => sayInSpace(t, session, world.groupA, text, thread, extra);

const chat = (session: Session) => readChat(t, session, world.groupA);

async function overview(session: Session) {
  const response = await call(t.app, session, 'GET', space());
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as SpaceOverview;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  await openSpace(t, world.groupA, [world.participantA.id, world.participantA2.id, world.clinicianA.id]);
  [alice, aaron, bea, clinician] = await Promise.all([signIn(t, world.participantA), signIn(t, world.participantA2), signIn(t, world.participantB), signIn(t, world.clinicianA)]);
  aaronEnrolment = (await t.database.db.selectFrom('enrolments').select('id').where('participant_id', '=', world.participantA2.id).executeTakeFirstOrThrow()).id;
});

// The flood limit is the socket tests' subject; here each case starts with full buckets.
beforeEach(() => t.app.spaceHub.limiter.reset());

afterAll(async () => t?.close());

describe('group space over REST', () => {
  it('counts unread posts per thread and clears them when read', async () => {
    const created = await call(t.app, clinician, 'POST', `${space()}/threads`, { title: 'Coping with evenings', text: 'What helps you in the evening?' });
    expect(created.statusCode, created.body).toBe(201);
    const { threadId, post } = created.json() as { threadId: string; post: SpacePost };
    expect(post.author.label).toMatch(/^Facilitator /);
    await say(alice, 'A walk after dinner', threadId);
    await say(alice, 'Hello all');
    const seen = await overview(aaron);
    expect(seen.threads.find((th) => th.key === threadId)?.unread).toBe(2);
    expect(seen.threads.find((th) => th.key === 'chat')?.unread).toBeGreaterThanOrEqual(1);
    const read = await call(t.app, aaron, 'POST', `${space()}/read`, { thread: threadId, seq: seen.lastSeq });
    expect(read.statusCode, read.body).toBe(200);
    expect((await overview(aaron)).threads.find((th) => th.key === threadId)?.unread).toBe(0);
    // Own posts are never unread.
    expect((await overview(alice)).threads.find((th) => th.key === threadId)?.unread).toBe(1);
  });

  it('lists the spaces one may enter with the same unread count as the space itself (navigation and home)', async () => {
    const spaces = async (session: Session) => {
      const response = await call(t.app, session, 'GET', '/api/me/spaces');
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { spaces: { groupId: string; groupName: string; unread: number }[] }).spaces;
    };
    await say(alice, 'Anyone around tonight?');
    const front = await overview(aaron);
    const total = front.threads.reduce((n, th) => n + th.unread, 0);
    expect(total).toBeGreaterThan(0);
    expect(await spaces(aaron)).toEqual([{ groupId: world.groupA, groupName: front.groupName, unread: total }]);
    // Reading everything clears it.
    for (const th of front.threads) await call(t.app, aaron, 'POST', `${space()}/read`, { thread: th.key, seq: front.lastSeq });
    expect((await spaces(aaron))[0]?.unread).toBe(0);
    // The group's facilitator sees the group; a member of another group and an admin see none of it.
    expect((await spaces(clinician)).map((x) => x.groupId)).toContain(world.groupA);
    expect((await spaces(bea)).map((x) => x.groupId)).not.toContain(world.groupA);
    expect(await spaces(await signIn(t, world.admin))).toEqual([]);
  });

  it('refuses contact details and stores nothing', async () => {
    const before = await chat(alice);
    const response = await call(t.app, alice, 'POST', `${space()}/posts`, { thread: 'chat', text: 'text me on 07700 900123' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('contact_details_refused');
    expect((await chat(alice)).length).toBe(before.length);
  });

  it('lets authors edit and withdraw their own posts, not others’', async () => {
    const mine = await say(alice, 'first draft');
    const edited = await call(t.app, alice, 'PATCH', `/api/space/posts/${mine.id}`, { text: 'second draft' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as SpacePost).editedAt).not.toBeNull();
    const theirs = await call(t.app, aaron, 'PATCH', `/api/space/posts/${mine.id}`, { text: 'hijack' });
    expect(theirs.statusCode).toBe(403);
    const withdrawnByOther = await call(t.app, aaron, 'POST', `/api/space/posts/${mine.id}/withdraw`);
    expect(withdrawnByOther.statusCode).toBe(403);
    const withdrawn = await call(t.app, alice, 'POST', `/api/space/posts/${mine.id}/withdraw`);
    expect((withdrawn.json() as SpacePost).status).toBe('removed');
    const peerView = (await chat(aaron)).find((p) => p.id === mine.id);
    expect(peerView?.body).toBe('');
  });

  it('lets a clinician remove a post with a reason the author sees and peers do not', async () => {
    const target = await say(aaron, 'something against the agreement');
    const noReason = await call(t.app, clinician, 'POST', `/api/space/posts/${target.id}/remove`, {});
    expect(noReason.statusCode).toBe(400);
    const removed = await call(t.app, clinician, 'POST', `/api/space/posts/${target.id}/remove`, { reason: 'Names someone outside the group.' });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await chat(aaron)).find((p) => p.id === target.id)?.statusReason).toBe('Names someone outside the group.');
    const peer = (await chat(alice)).find((p) => p.id === target.id);
    expect(peer?.statusReason).toBeNull();
    expect(peer?.body).toBe('');
    const log = await t.database.db
      .selectFrom('moderation_log')
      .select(['action', 'reason', 'actor_id'])
      .where('item_id', '=', target.id)
      .where('action', '=', 'removed')
      .executeTakeFirstOrThrow();
    expect(log).toMatchObject({ reason: 'Names someone outside the group.', actor_id: world.clinicianA.id });
    const asMember = await call(t.app, alice, 'POST', `/api/space/posts/${target.id}/remove`, { reason: 'no' });
    expect(asMember.statusCode).toBe(403);
  });

  it('keeps the reporter hidden from peers and shows them to the group’s clinicians', async () => {
    const target = await say(aaron, 'I feel like nobody listens');
    const report = await call(t.app, alice, 'POST', `/api/space/posts/${target.id}/reports`, { kind: 'worried', note: 'They seem low' });
    expect(report.statusCode, report.body).toBe(201);
    const again = await call(t.app, alice, 'POST', `/api/space/posts/${target.id}/reports`, { kind: 'worried' });
    expect(again.statusCode).toBe(409);
    expect(JSON.stringify(await chat(aaron))).not.toContain('Willow reported');
    const forMember = await call(t.app, aaron, 'GET', `${space()}/reports`);
    expect(forMember.statusCode).toBe(403);
    const forStaff = await call(t.app, clinician, 'GET', `${space()}/reports`);
    const reports = (forStaff.json() as { reports: { kind: string; reporterLabel: string; post: SpacePost }[] }).reports;
    expect(reports[0]).toMatchObject({ kind: 'worried', reporterLabel: 'Willow' });
    const alert = await t.database.db.selectFrom('alerts').select(['kind', 'participant_id', 'summary']).where('kind', '=', 'space_report').executeTakeFirstOrThrow();
    expect(alert.participant_id).toBe(world.participantA2.id);
    expect(alert.summary).not.toContain('nobody listens');
  });

  it('hides a muted member’s posts for the muter only', async () => {
    const muted = await call(t.app, alice, 'PUT', `${space()}/mutes`, { enrolmentId: aaronEnrolment, on: true });
    expect(muted.statusCode, muted.body).toBe(204);
    const post = await say(aaron, 'can you see me');
    expect((await chat(alice)).some((p) => p.id === post.id)).toBe(false);
    expect((await chat(clinician)).some((p) => p.id === post.id)).toBe(true);
    expect((await overview(alice)).muted).toEqual([aaronEnrolment]);
    await call(t.app, alice, 'PUT', `${space()}/mutes`, { enrolmentId: aaronEnrolment, on: false });
    expect((await chat(alice)).some((p) => p.id === post.id)).toBe(true);
  });

  it('blocks replies both ways and answers isBlocked for other modules', async () => {
    const blocked = await call(t.app, alice, 'PUT', `${space()}/blocks`, { enrolmentId: aaronEnrolment, on: true });
    expect(blocked.statusCode, blocked.body).toBe(204);
    expect(await isBlocked(t.database.db, world.enrolmentA, aaronEnrolment)).toBe(true);
    expect(await isBlocked(t.database.db, aaronEnrolment, world.enrolmentA)).toBe(true);
    // (An ordinary line: since session 4 the model tiers "a message of mine" urgent, p just at its threshold, which would hold it.)
    const hers = await say(alice, 'thanks all, see you thursday');
    const reply = await call(t.app, aaron, 'POST', `${space()}/posts`, { thread: 'chat', text: 'replying', replyToId: hers.id });
    expect(reply.statusCode).toBe(403);
    const self = await call(t.app, alice, 'PUT', `${space()}/blocks`, { enrolmentId: world.enrolmentA, on: true });
    expect(self.statusCode).toBe(422);
    const foreign = await call(t.app, alice, 'PUT', `${space()}/blocks`, { enrolmentId: world.enrolmentB, on: true });
    expect(foreign.statusCode).toBe(404);
    await call(t.app, alice, 'PUT', `${space()}/blocks`, { enrolmentId: aaronEnrolment, on: false });
    expect(await isBlocked(t.database.db, world.enrolmentA, aaronEnrolment)).toBe(false);
  });

  it('stores "bring to group" tags for the next session', async () => {
    const post = await say(alice, 'I tried the breathing exercise');
    const tagged = await call(t.app, aaron, 'POST', `/api/space/posts/${post.id}/tag`, { note: 'Could we talk about this?' });
    expect(tagged.statusCode, tagged.body).toBe(201);
    expect(tagged.json().sessionId).toBe(world.upcomingA);
    expect((await call(t.app, aaron, 'POST', `/api/space/posts/${post.id}/tag`, {})).statusCode).toBe(409);
    const list = await call(t.app, clinician, 'GET', `${space()}/tags`);
    expect((list.json() as { tags: { taggedBy: string; note: string }[] }).tags[0]).toMatchObject({ taggedBy: 'Cedar', note: 'Could we talk about this?' });
    expect((await call(t.app, aaron, 'DELETE', `/api/space/posts/${post.id}/tag`)).statusCode).toBe(204);
  });

  it('keeps other groups and former members out', async () => {
    expect((await call(t.app, bea, 'GET', space())).statusCode).toBe(404);
    expect((await call(t.app, bea, 'POST', `${space()}/posts`, { thread: 'chat', text: 'hi' })).statusCode).toBe(404);
    const post = await say(alice, 'only for group A');
    expect((await call(t.app, bea, 'POST', `/api/space/posts/${post.id}/reports`, { kind: 'agreement' })).statusCode).toBe(404);
    // A paused member is told; a withdrawn one no longer finds the group.
    await call(t.app, clinician, 'POST', `/api/enrolments/${aaronEnrolment}/status`, { status: 'paused', reason: 'Break' });
    const paused = await call(t.app, aaron, 'POST', `${space()}/posts`, { thread: 'chat', text: 'still here?' });
    // One refusal for a membership level not held (policy/membership.ts): 422 not_a_member, was 403 forbidden.
    expect(paused.statusCode).toBe(422);
    expect(paused.json().error.code).toBe('not_a_member');
    // …and the space is no longer offered to them in the navigation.
    expect((await call(t.app, aaron, 'GET', '/api/me/spaces')).json().spaces).toEqual([]);
    await call(t.app, clinician, 'POST', `/api/enrolments/${aaronEnrolment}/status`, { status: 'withdrawn', reason: 'Left' });
    const left = await call(t.app, aaron, 'POST', `${space()}/posts`, { thread: 'chat', text: 'after leaving' });
    expect(left.statusCode).toBe(404);
    expect((await call(t.app, alice, 'GET', `${space()}/posts?thread=${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('limits floods over HTTP too, with 429 rate_limited', async () => {
    const codes = [];
    for (let i = 0; i < 12; i++) codes.push((await call(t.app, alice, 'POST', `${space()}/posts`, { thread: 'chat', text: `flood ${i}` })).statusCode);
    expect(codes.slice(0, 10).every((code) => code === 201)).toBe(true);
    expect(codes.slice(10)).toContain(429);
  });

  it('holds posts outside staffed hours and says when someone is back', async () => {
    await t.database.db
      .updateTable('therapy_groups')
      .set({ staffed_hours: JSON.stringify([]) })
      .where('id', '=', world.groupA)
      .execute();
    const held = await say(alice, 'late night thought');
    expect(held.status).toBe('held');
    expect(held.statusReasons.map((r) => r.code)).toContain('outside_staffed_hours');
    expect((await overview(alice)).staffing.staffedNow).toBe(false);
    expect((await chat(clinician)).find((p) => p.id === held.id)?.status).toBe('held');
  });
});
