import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionMap } from '../../../shared/schemas/connection.js';
import { newId } from '../../lib/ids.js';
import { call, createUser, createWorld, signIn, type Session, type TestUser, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { isolationWorld } from '../isolation/isolation-testing.js';
import { groupEdges } from './edges.js';

let t: TestApp;
let world: World;
let w: ReturnType<typeof isolationWorld>;
let lead: Session;

type Member = { enrolmentId: string; user: TestUser; groupId: string };
let groupId: string;
let a: Member;
let b: Member;
let c: Member;
let d: Member;

/** A strategy by `author` that `marker` marked "helped" `daysAgo`. */
async function helped(author: Member, marker: Member, daysAgo: number) {
  await w.mark(await w.strategy(author, 'Grounding walk', daysAgo + 1), marker, 'helped', daysAgo);
}

/** A reaction by `reactor` on a practice entry `author` shared with the group. */
async function reactToPractice(author: Member, reactor: Member, daysAgo: number) {
  const db = t.database.db;
  const id = newId();
  await db
    .insertInto('skill_practices')
    .values({
      id,
      participant_id: author.user.id,
      enrolment_id: author.enrolmentId,
      skill: 'Breathing',
      situation: 'Before work',
      tried: 'Box breathing',
      rating: 4,
      shared_group_id: author.groupId,
      shared_enrolment_id: author.enrolmentId,
      moderation_status: 'published',
      shared_at: w.ago(daysAgo + 1),
      created_at: w.ago(daysAgo + 1),
    })
    .execute();
  await db
    .insertInto('supportive_reactions')
    .values({
      id: newId(),
      target_kind: 'skill_practice',
      target_id: id,
      reactor_id: reactor.user.id,
      reactor_enrolment_id: reactor.enrolmentId,
      reaction: 'heart',
      created_at: w.ago(daysAgo),
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  w = isolationWorld(t);
  lead = await signIn(t, world.clinicianA);
  const g = await w.group(world.clinicianA.id, 4);
  groupId = g.groupId;
  [a, b, c, d] = g.members as [Member, Member, Member, Member];
  // The last two weeks: A and B appreciate each other, A answers C's thread, C appreciates A, B
  // answers C's feedback request and found C's strategy helped; D is reached by the facilitator only.
  await w.appreciate(a, b, 3);
  await w.appreciate(b, a, 5);
  const thread = await w.thread(c, 10);
  await w.reply(thread, a, 9);
  await w.appreciate(c, a, 4);
  const request = await w.feedbackRequest(c, 6);
  await w.feedbackRequest(b, 5, request);
  await helped(c, b, 2);
  const dThread = await w.thread(d, 3);
  await t.database.db
    .insertInto('space_posts')
    .values({
      id: newId(),
      group_id: groupId,
      thread_id: dThread,
      kind: 'post',
      seq: 900,
      version_seq: 900,
      author_id: world.clinicianA.id,
      enrolment_id: null,
      author_role: 'clinician',
      client_id: null,
      body: 'Thank you for sharing this.',
      reply_to_id: null,
      moderation_status: 'published',
      moderation_reasons: null,
      status_reason: null,
      created_at: w.ago(2),
      edited_at: null,
      removed_at: null,
      removed_by: null,
    })
    .execute();
  // Three weeks ago: A appreciated C, D reacted to B's shared practice. Self-marks never count.
  await w.appreciate(a, c, 20);
  await reactToPractice(b, d, 19);
  await helped(a, a, 2);
});
afterAll(async () => t?.close());

const map = async (query = '') => {
  const response = await call(t.app, lead, 'GET', `/api/groups/${groupId}/connection-map${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ConnectionMap>();
};
const edge = (m: ConnectionMap, from: Member | string, to: Member | string) =>
  m.edges.find((e) => e.from === (typeof from === 'string' ? from : from.enrolmentId) && e.to === (typeof to === 'string' ? to : to.enrolmentId));
const node = (m: ConnectionMap, who: Member) => m.nodes.find((n) => n.id === who.enrolmentId);

describe('the connection map', () => {
  it('draws every kind of act as a directed, weighted tie between pseudonyms, facilitators included', async () => {
    const m = await map('?window=2w');
    expect(m.window).toBe('2w');
    expect(node(m, a)?.label).toMatch(/^Member0/);
    expect(m.nodes.find((n) => n.id === world.clinicianA.id)).toMatchObject({ kind: 'facilitator', label: world.clinicianA.displayName, given: 1 });
    expect(edge(m, a, b)).toMatchObject({ weight: 1, kinds: { appreciation: 1 }, reciprocal: true });
    expect(edge(m, a, c)).toMatchObject({ weight: 1, kinds: { reply: 1, appreciation: 0 }, reciprocal: true });
    expect(edge(m, b, c)).toMatchObject({ weight: 2, kinds: { feedback: 1, helped: 1 }, reciprocal: false });
    expect(edge(m, world.clinicianA.id, d)).toMatchObject({ weight: 1, kinds: { reply: 1 } });
    expect(edge(m, a, a)).toBeUndefined();
    expect(m.edges).toHaveLength(6);
  });

  it('figures: density, reciprocity, share with two reciprocal ties, isolates (peers only), and sub-groups', async () => {
    const m = await map('?window=2w');
    // Member ties: A→B, B→A, A→C, C→A, B→C = 5 of 12 possible; 4 returned; A alone has two reciprocal ties.
    expect(m.figures).toEqual({ members: 4, ties: 5, density: 0.417, reciprocity: 0.8, reciprocalShare: 0.25, isolates: 1 });
    expect(node(m, d)).toMatchObject({ isolate: true, peersIn: 0, received: 1, subgroup: null });
    expect(node(m, a)).toMatchObject({ isolate: false, reciprocalTies: 2, subgroup: 0 });
    expect(m.subgroups).toHaveLength(1);
    expect([...(m.subgroups[0] ?? [])].sort()).toEqual([a.enrolmentId, b.enrolmentId, c.enrolmentId].sort());
  });

  it('a wider window adds older acts; stepping back a week moves the window', async () => {
    const four = await map('?window=4w');
    expect(edge(four, a, c)).toMatchObject({ weight: 2, kinds: { appreciation: 1, reply: 1 } });
    expect(edge(four, d, b)).toMatchObject({ kinds: { reaction: 1 } });
    expect(node(four, d)?.isolate).toBe(true);
    const back = await map('?window=2w&weeksBack=1');
    expect(back.weeksBack).toBe(1);
    // Days 20 to 7 ago: A's appreciation of C and reply, D's reaction; nothing newer.
    expect(back.edges.map((e) => [e.from, e.to, e.weight]).sort()).toEqual(
      [
        [a.enrolmentId, c.enrolmentId, 2],
        [d.enrolmentId, b.enrolmentId, 1],
      ].sort(),
    );
    expect(back.until < four.until).toBe(true);
    const all = await map('?window=all');
    expect(all.weeksAvailable).toBe(8);
    expect(all.series).toHaveLength(9);
    expect(all.series.at(-1)).toMatchObject({ weeksBack: 0, ties: 6, isolates: 1 });
    expect(all.series[0]).toMatchObject({ weeksBack: 8, ties: 0, isolates: 4, density: 0 });
  });

  it('refuses a window that is not offered, bad steps and steps before the group began (400), nothing written', async () => {
    const before = (await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'connection.read').execute()).length;
    for (const query of ['?window=3w', '?window=', '?weeksBack=-1', '?weeksBack=two', '?weeksBack=1.5', '?weeksBack=9', '?weeksBack=9999', '?other=1']) {
      const response = await call(t.app, lead, 'GET', `/api/groups/${groupId}/connection-map${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code, query).toBe('validation_failed');
    }
    expect((await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'connection.read').execute()).length).toBe(before);
  });

  it('is for the group’s facilitators: members, peers and admins 403; other groups’ facilitators 404; signed out 401', async () => {
    const refused = (response: { statusCode: number; json(): { error: { code: string } } }, status: number, code: string) => {
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe(code);
    };
    const [member, peer, admin, otherLead] = await Promise.all([signIn(t, d.user), signIn(t, a.user), signIn(t, world.admin), signIn(t, world.clinicianB)]);
    for (const s of [member, peer, admin]) refused(await call(t.app, s, 'GET', `/api/groups/${groupId}/connection-map`), 403, 'forbidden');
    refused(await call(t.app, otherLead, 'GET', `/api/groups/${groupId}/connection-map`), 404, 'not_found');
    refused(await call(t.app, lead, 'GET', `/api/groups/${world.groupB}/connection-map`), 404, 'not_found');
    refused(await call(t.app, lead, 'GET', `/api/groups/${newId()}/connection-map`), 404, 'not_found');
    const stranger = await signIn(t, await createUser(t, 'clinician'));
    refused(await call(t.app, stranger, 'GET', `/api/groups/${groupId}/connection-map`), 404, 'not_found');
    refused(await call(t.app, null, 'GET', `/api/groups/${groupId}/connection-map`), 401, 'unauthenticated');
  });

  it('audits every read with the group, window and step', async () => {
    await map('?window=8w&weeksBack=2');
    const row = await t.database.db
      .selectFrom('audit_events')
      .select(['resource_id', 'group_id', 'actor_user_id', 'detail'])
      .where('action', '=', 'connection.read')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ resource_id: groupId, group_id: groupId, actor_user_id: world.clinicianA.id });
    expect(JSON.parse(String(row.detail))).toEqual({ window: '8w', weeksBack: 2 });
  });

  it('groupEdges gives the directed weighted ties between user ids for any span (what "your connections" reads)', async () => {
    const edges = await groupEdges(t.database.db, groupId, { from: w.ago(14), until: w.ago(0) });
    const tie = edges.find((e) => e.source === b.user.id && e.target === c.user.id);
    expect(tie).toMatchObject({ weight: 2, kinds: { feedback: 1, helped: 1, appreciation: 0, reaction: 0, reply: 0 } });
  });
});

describe('connection outcomes in the outcomes report', () => {
  it('adds loneliness change, the network at start vs end, and ties beside PHQ-9 change and attendance (report and CSV)', async () => {
    const g = await w.group(world.clinicianA.id, 4);
    const [p, q, r, s] = g.members as [Member, Member, Member, Member];
    // The first four weeks (joined 60 days ago): nobody reaches anyone. The last four: p, q and r knit together.
    for (const [from, to] of [
      [p, q],
      [q, p],
      [q, r],
      [r, q],
      [p, r],
      [r, p],
      [s, p],
    ] as const)
      await w.appreciate(from, to, 5);
    // PHQ-9: the knitted members improve more; loneliness: three of four improve.
    for (const [m, first, last] of [
      [p, 15, 6],
      [q, 14, 7],
      [r, 16, 8],
      [s, 12, 12],
    ] as const) {
      await w.answer(m, 'phq-9', first, 55);
      await w.answer(m, 'phq-9', last, 3);
    }
    for (const [m, first, last] of [
      [p, 5, 2],
      [q, 4, 2],
      [r, 4, 3],
      [s, 3, 4],
    ] as const) {
      await w.answer(m, 'ons-loneliness', first, 55);
      await w.answer(m, 'ons-loneliness', last, 3);
    }
    const query = `instrumentCode=phq-9&groupId=${g.groupId}&from=${w.ago(70).slice(0, 10)}`;
    const report = (await call(t.app, lead, 'GET', `/api/reports/outcomes?${query}`)).json();
    expect(report.connection.loneliness).toEqual({ started: 4, completed: 4, meanChange: -1.25, shareImproved: 0.75 });
    expect(report.connection.network.start).toMatchObject({ members: 4, ties: 0, density: 0, isolates: 4 });
    expect(report.connection.network.end).toMatchObject({ members: 4, ties: 7, reciprocity: 0.857, reciprocalShare: 0.75, isolates: 1 });
    // s has no reciprocal tie and did not improve: ties and improvement go together.
    expect(report.connection.network.members).toBe(4);
    expect(report.connection.network.tiesVsPhq9Improvement).toBeGreaterThan(0.9);
    const csv = (await call(t.app, lead, 'GET', `/api/reports/outcomes.csv?${query}`)).body.split('\r\n');
    const header = csv[0]?.split(',') ?? [];
    const row = csv[1]?.split(',') ?? [];
    const cell = (name: string) => row[header.indexOf(name)];
    expect([cell('loneliness_completed'), cell('loneliness_share_improved'), cell('density_start'), cell('isolates_end')]).toEqual(['4', '0.75', '0', '1']);
    // Without a group, the network is left out (it is a group's); loneliness is still reported.
    const service = (await call(t.app, lead, 'GET', `/api/reports/outcomes?instrumentCode=phq-9&from=${w.ago(70).slice(0, 10)}`)).json();
    expect(service.connection.network).toBeNull();
    expect(service.connection.loneliness.completed).toBeGreaterThanOrEqual(4);
  });
});
