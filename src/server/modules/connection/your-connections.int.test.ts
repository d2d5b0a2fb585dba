import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YourConnections } from '../../../shared/schemas/your-connections.js';
import { newId } from '../../lib/ids.js';
import { call, createWorld, signIn, type Session, type TestUser, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { isolationWorld } from '../isolation/isolation-testing.js';

type Member = { enrolmentId: string; user: TestUser; groupId: string };
let t: TestApp;
let world: World;
let w: ReturnType<typeof isolationWorld>;
let me: Member;
let ash: Member; // appreciated me
let birch: Member; // I tried their strategy
let cove: Member; // tried mine (and found it helped)
let dune: Member; // no tie: shares a strategy lately (the suggestion)
let elm: Member; // paused: appreciated me, never named
let fern: Member; // no tie, shared nothing lately
let meS: Session;
let ashS: Session;
let lead: Session;
let pseudonym: Map<string, string>;

const names = (...members: Member[]) => members.map((m) => pseudonym.get(m.enrolmentId)).sort((a, b) => (a ?? '').localeCompare(b ?? ''));
const mine = async (s: Session) => (await call(t.app, s, 'GET', '/api/me/connections')).json() as YourConnections;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  w = isolationWorld(t);
  lead = await signIn(t, world.clinicianA);
  const g = await w.group(world.clinicianA.id, 7);
  [me, ash, birch, cove, dune, elm, fern] = g.members as [Member, Member, Member, Member, Member, Member, Member];
  const rows = await t.database.db.selectFrom('enrolments').select(['id', 'pseudonym']).where('group_id', '=', g.groupId).execute();
  pseudonym = new Map(rows.map((r) => [r.id, r.pseudonym]));
  await w.appreciate(ash, me, 5);
  await w.mark(await w.strategy(birch, 'Cold water on the wrists', 20), me, 'try', 18);
  await w.mark(await w.strategy(me, 'Grounding walk', 15), cove, 'helped', 10);
  // Dune: a removed appreciation and a removed, newer strategy never count or show; a published strategy is suggested.
  await w.appreciate(dune, me, 4);
  await t.database.db.updateTable('appreciations').set({ moderation_status: 'removed' }).where('sender_id', '=', dune.user.id).execute();
  await w.strategy(dune, 'Naming five things I can see', 3);
  await w.strategy(dune, 'A removed idea', 1, 'removed');
  await w.strategy(dune, 'A held idea', 1, 'held');
  // Elm appreciated me, then paused: not named anywhere.
  await w.appreciate(elm, me, 6);
  await t.database.db.updateTable('enrolments').set({ status: 'paused' }).where('id', '=', elm.enrolmentId).execute();
  // Fern's only item is older than the suggestion's four weeks.
  await w.strategy(fern, 'An old idea', 40);
  // The facilitator answered my thread: facilitators are not peers on this card.
  const thread = await w.thread(me, 8);
  await t.database.db
    .insertInto('space_posts')
    .values({
      id: newId(),
      group_id: g.groupId,
      thread_id: thread,
      kind: 'post',
      seq: 950,
      version_seq: 950,
      author_id: world.clinicianA.id,
      enrolment_id: null,
      author_role: 'clinician',
      client_id: null,
      body: 'Thank you.',
      reply_to_id: null,
      moderation_status: 'published',
      moderation_reasons: null,
      status_reason: null,
      created_at: w.ago(7),
      edited_at: null,
      removed_at: null,
      removed_by: null,
    })
    .execute();
  // A group I left: someone there appreciated me; it never appears.
  const left = await w.group(world.clinicianA.id, 2);
  const [meThere, peerThere] = left.members as [Member, Member];
  await t.database.db.updateTable('enrolments').set({ participant_id: me.user.id }).where('id', '=', meThere.enrolmentId).execute();
  await w.appreciate(peerThere, { ...meThere, user: me.user }, 2);
  await t.database.db.updateTable('enrolments').set({ status: 'withdrawn' }).where('id', '=', meThere.enrolmentId).execute();
  [meS, ashS] = await Promise.all([signIn(t, me.user), signIn(t, ash.user)]);
});
afterAll(async () => t?.close());

describe('your connections', () => {
  it('names who appreciated me, whose strategies I tried, who tried mine and who I have not connected with — only current peers of my current group', async () => {
    const answer = await mine(meS);
    expect(answer.groups).toHaveLength(1);
    expect(answer.groups[0]).toMatchObject({
      groupId: me.groupId,
      appreciatedYou: names(ash),
      youTriedTheirs: names(birch),
      triedYours: names(cove),
      notYetConnected: names(dune, fern),
    });
    const everyone = JSON.stringify(answer);
    expect(everyone).not.toContain(pseudonym.get(elm.enrolmentId));
    // Names only: no number anywhere in the answer (no counts to compare).
    const numbers: unknown[] = [];
    JSON.parse(everyone, (_key, value: unknown) => (typeof value === 'number' ? numbers.push(value) : value));
    expect(numbers).toEqual([]);
  });

  it('suggests the newest item a not-yet-connected peer shared that I can already see', async () => {
    expect((await mine(meS)).suggestion).toMatchObject({
      groupId: me.groupId,
      pseudonym: pseudonym.get(dune.enrolmentId),
      kind: 'strategy',
      title: 'Naming five things I can see',
    });
  });

  it('quotes a feedback request when that is the newest such item, and suggests nothing once everyone is connected', async () => {
    const request = await w.feedbackRequest(fern, 0.5);
    expect((await mine(meS)).suggestion).toMatchObject({
      pseudonym: pseudonym.get(fern.enrolmentId),
      kind: 'feedback_request',
      title: 'I’d welcome feedback on how I come across.',
    });
    await w.feedbackRequest(me, 0.2, request); // I answer Fern: now tied
    await w.appreciate(me, dune, 0.1);
    const after = await mine(meS);
    expect(after.groups[0]?.notYetConnected).toEqual([]);
    expect(after.suggestion).toBeNull();
  });

  it('answers each member with their own connections only', async () => {
    const theirs = await mine(ashS);
    expect(theirs.groups[0]?.appreciatedYou).toEqual([]);
    expect(theirs.groups[0]?.notYetConnected).toEqual(names(birch, cove, dune, fern));
    expect(theirs.groups[0]?.notYetConnected).not.toContain(pseudonym.get(me.enrolmentId)); // Ash appreciated me: a tie both ways round
  });

  it('is the member’s own: clinicians and admins are refused, and nobody signed out gets in', async () => {
    expect((await call(t.app, lead, 'GET', '/api/me/connections')).statusCode).toBe(403);
    expect((await call(t.app, await signIn(t, world.admin), 'GET', '/api/me/connections')).statusCode).toBe(403);
    for (const [method, url] of [
      ['GET', '/api/me/connections'],
      ['GET', '/api/me/home-preferences'],
      ['PATCH', '/api/me/home-preferences'],
    ] as const) {
      expect((await call(t.app, null, method, url, method === 'PATCH' ? { showConnections: false } : undefined)).statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await call(t.app, lead, 'PATCH', '/api/me/home-preferences', { showConnections: false })).statusCode).toBe(403);
  });
});

describe('hiding the card', () => {
  it('is shown by default, stored per person, audited, and bad values change nothing', async () => {
    expect((await call(t.app, meS, 'GET', '/api/me/home-preferences')).json()).toEqual({ showConnections: true });
    const hidden = await call(t.app, meS, 'PATCH', '/api/me/home-preferences', { showConnections: false });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toEqual({ showConnections: false });
    expect((await call(t.app, meS, 'GET', '/api/me/home-preferences')).json()).toEqual({ showConnections: false });
    expect((await call(t.app, ashS, 'GET', '/api/me/home-preferences')).json()).toEqual({ showConnections: true });
    for (const bad of [{ showConnections: 'no' }, { showConnections: true, extra: 1 }, {}, { showConnections: null }]) {
      const refused = await call(t.app, meS, 'PATCH', '/api/me/home-preferences', bad);
      expect(refused.statusCode, JSON.stringify(bad)).toBe(400);
      expect(refused.json().error.code).toBe('validation_failed');
    }
    expect((await call(t.app, meS, 'GET', '/api/me/home-preferences')).json()).toEqual({ showConnections: false });
    expect((await call(t.app, meS, 'PATCH', '/api/me/home-preferences', { showConnections: true })).json()).toEqual({ showConnections: true });
    const audits = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('action', '=', 'home.preferences.update')
      .where('actor_user_id', '=', me.user.id)
      .orderBy('at')
      .execute();
    expect(audits.map((a) => (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail))).toEqual([{ showConnections: false }, { showConnections: true }]);
  });
});
