import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countRows, createUser, signIn, type Session, type World, enrol, signInAll } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { enrolmentOf, createExchangeWorld } from '../strategies/exchange-testing.js';

let t: TestApp;
let world: World;
let alice: Session; // Willow, group A
let aaron: Session; // Cedar, group A
let bea: Session; // Harbour, group B
let clinA: Session;
let clinB: Session;
let cedar: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await createExchangeWorld(t);
  [alice, aaron, bea, clinA, clinB] = await signInAll(t, [world.participantA, world.participantA2, world.participantB, world.clinicianA, world.clinicianB]);
  cedar = await enrolmentOf(t, world.participantA2.id, world.groupA);
});
afterAll(async () => t?.close());

const appreciate = (s: Session, body: unknown, groupId = world.groupA) => call(t.app, s, 'POST', `/api/groups/${groupId}/appreciations`, body);

describe('appreciations', () => {
  it('reaches the named peer, shows as new on their home until they open it, and names the session', async () => {
    const peers = (await call(t.app, alice, 'GET', `/api/groups/${world.groupA}/peers`)).json();
    expect(peers.peers).toEqual([{ enrolmentId: cedar, pseudonym: 'Cedar' }]);
    expect(peers.sessions[0]).toMatchObject({ id: world.sessionA, label: 'after session 1 — Belonging: you are not alone' });

    const sent = await appreciate(alice, { recipientEnrolmentIds: [cedar, cedar], sessionId: world.sessionA, body: 'What I valued in what you shared: <b>your honesty</b>.' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().status).toBe('published');
    expect(await t.database.db.selectFrom('appreciation_recipients').selectAll().where('appreciation_id', '=', sent.json().id).execute()).toHaveLength(1);

    expect((await call(t.app, aaron, 'GET', '/api/me/this-week')).json().appreciations.newCount).toBe(1);
    const mine = (await call(t.app, aaron, 'GET', '/api/me/appreciations')).json();
    expect(mine.received[0]).toMatchObject({
      fromPseudonym: 'Willow',
      toPseudonyms: ['Cedar'],
      body: 'What I valued in what you shared: <b>your honesty</b>.',
      isNew: true,
      sessionLabel: 'after session 1 — Belonging: you are not alone',
    });
    expect(JSON.stringify(mine)).not.toContain('Alice');
    expect((await call(t.app, aaron, 'POST', '/api/me/appreciations/seen')).statusCode).toBe(204);
    expect((await call(t.app, aaron, 'GET', '/api/me/this-week')).json().appreciations.newCount).toBe(0);
    expect((await call(t.app, aaron, 'GET', '/api/me/appreciations')).json().received[0].isNew).toBe(false);

    expect((await call(t.app, alice, 'GET', '/api/me/appreciations')).json().sent[0].sentByMe).toBe(true);
    expect((await call(t.app, clinA, 'GET', `/api/groups/${world.groupA}/appreciations`)).json().appreciations).toHaveLength(1);
    expect((await call(t.app, clinB, 'GET', `/api/groups/${world.groupA}/appreciations`)).statusCode).toBe(404);
    expect((await call(t.app, bea, 'GET', `/api/groups/${world.groupA}/appreciations`)).statusCode).toBe(404);
    expect((await call(t.app, bea, 'GET', '/api/me/appreciations')).json().received).toEqual([]);
  });

  it('refuses someone outside the group, oneself, a withdrawn member, a blocked peer and bad texts, storing nothing', async () => {
    const before = await countRows(t, 'appreciations');
    const outside = await appreciate(alice, { recipientEnrolmentIds: [world.enrolmentB], body: 'Thank you' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('not_a_member');
    expect((await appreciate(alice, { recipientEnrolmentIds: [world.enrolmentA], body: 'Well done me' })).json().error.code).toBe('cannot_appreciate_self');
    expect((await appreciate(alice, { recipientEnrolmentIds: [], body: 'Thank you' })).json().error.code).toBe('validation_failed');
    expect((await appreciate(alice, { recipientEnrolmentIds: [cedar], body: '' })).json().error.code).toBe('validation_failed');
    expect((await appreciate(alice, { recipientEnrolmentIds: [cedar], body: 'x'.repeat(2001) })).json().error.code).toBe('validation_failed');
    expect((await appreciate(alice, { recipientEnrolmentIds: [cedar], sessionId: world.sessionB, body: 'Thanks' })).json().error.code).toBe('validation_failed');
    expect((await appreciate(alice, { recipientEnrolmentIds: [cedar], body: 'Email me: me@example.org' })).json().error.code).toBe('contact_details_refused');
    expect((await appreciate(clinA, { recipientEnrolmentIds: [cedar], body: 'Thanks' })).statusCode).toBe(403);
    expect((await appreciate(bea, { recipientEnrolmentIds: [cedar], body: 'Thanks' })).statusCode).toBe(404);

    const leaver = await createUser(t, 'participant');
    const leaverEnrolment = await enrol(t, world.groupA, leaver.id, 'Aspen', { status: 'withdrawn', joinedAt: null });
    expect((await appreciate(alice, { recipientEnrolmentIds: [cedar, leaverEnrolment], body: 'Thanks both' })).json().error.code).toBe('not_a_member');

    await t.database.db
      .insertInto('space_blocks')
      .values({ group_id: world.groupA, blocker_enrolment_id: cedar, blocked_enrolment_id: world.enrolmentA, created_at: t.clock.now().toISOString() })
      .execute();
    expect((await appreciate(alice, { recipientEnrolmentIds: [cedar], body: 'Thanks' })).json().error.code).toBe('not_a_member');
    await t.database.db.deleteFrom('space_blocks').where('blocker_enrolment_id', '=', cedar).execute();
    expect(await countRows(t, 'appreciations')).toBe(before);
  });

  it('holds a new member’s appreciation: the recipient sees it only once approved', async () => {
    const newcomer = await createUser(t, 'participant');
    await enrol(t, world.groupA, newcomer.id, 'Hazel');
    const hazel = await signIn(t, newcomer);
    const sent = (await appreciate(hazel, { recipientEnrolmentIds: [cedar], body: 'Your story about the bus stayed with me.' })).json();
    expect(sent.status).toBe('held');
    expect((await call(t.app, aaron, 'GET', '/api/me/appreciations')).json().received.map((a: { id: string }) => a.id)).not.toContain(sent.id);
    expect((await call(t.app, hazel, 'GET', '/api/me/appreciations')).json().sent[0]).toMatchObject({ id: sent.id, status: 'held' });
    expect((await call(t.app, clinA, 'GET', `/api/groups/${world.groupA}/appreciations`)).json().appreciations.map((a: { id: string }) => a.id)).toContain(sent.id);
  });
});

describe('feedback requests', () => {
  it('lets a member ask, peers reply, and keeps both inside the group', async () => {
    const asked = await call(t.app, alice, 'POST', `/api/groups/${world.groupA}/feedback-requests`, { body: 'I’d welcome feedback on how I handle conflict <i>at work</i>.' });
    expect(asked.statusCode).toBe(201);
    const requestId = asked.json().id;
    expect((await call(t.app, aaron, 'POST', `/api/feedback-requests/${requestId}/replies`, { body: 'You stayed calm when we disagreed last week.' })).statusCode).toBe(201);
    expect((await call(t.app, bea, 'POST', `/api/feedback-requests/${requestId}/replies`, { body: 'Hi' })).statusCode).toBe(404);
    expect((await call(t.app, clinA, 'POST', `/api/feedback-requests/${requestId}/replies`, { body: 'Hi' })).statusCode).toBe(403);
    expect((await call(t.app, aaron, 'POST', `/api/feedback-requests/${requestId}/replies`, { body: '  ' })).statusCode).toBe(400);

    const list = (await call(t.app, aaron, 'GET', `/api/groups/${world.groupA}/feedback-requests`)).json().requests;
    const request = list.find((r: { id: string }) => r.id === requestId);
    expect(request).toMatchObject({ authorPseudonym: 'Willow', mine: false, body: 'I’d welcome feedback on how I handle conflict <i>at work</i>.' });
    expect(request.replies).toEqual([expect.objectContaining({ authorPseudonym: 'Cedar', mine: true, status: 'published' })]);
    expect((await call(t.app, clinA, 'GET', `/api/groups/${world.groupA}/feedback-requests`)).json().requests.length).toBeGreaterThan(0);
    expect((await call(t.app, bea, 'GET', `/api/groups/${world.groupA}/feedback-requests`)).statusCode).toBe(404);
    expect((await call(t.app, bea, 'GET', '/api/me/this-week')).json().openFeedbackRequests).toBe(0);
    expect((await call(t.app, aaron, 'GET', '/api/me/this-week')).json().openFeedbackRequests).toBeGreaterThan(0);
  });

  it('goes through moderation approval: a held reply appears to peers once a facilitator approves it', async () => {
    const newcomer = await createUser(t, 'participant');
    await enrol(t, world.groupA, newcomer.id, 'Linden');
    const linden = await signIn(t, newcomer);
    const request = (await call(t.app, linden, 'POST', `/api/groups/${world.groupA}/feedback-requests`, { body: 'I’d welcome feedback on whether I talk too much.' })).json();
    expect(request.status).toBe('held');
    const ids = async (s: Session) => (await call(t.app, s, 'GET', `/api/groups/${world.groupA}/feedback-requests`)).json().requests.map((r: { id: string }) => r.id);
    expect(await ids(aaron)).not.toContain(request.id);
    expect(await ids(linden)).toContain(request.id);
    const approved = await call(t.app, clinA, 'POST', `/api/moderation/items/${request.id}/approve`, { reason: 'Fine to share' });
    expect(approved.statusCode, approved.body).toBeLessThan(300);
    expect(await ids(aaron)).toContain(request.id);
  });
});
