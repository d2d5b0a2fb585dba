import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countRows, createUser, signIn, type Session, type World, enrol, signInAll } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { strategyBody, createExchangeWorld } from './exchange-testing.js';

let t: TestApp;
let world: World;
let alice: Session; // Willow, group A
let aaron: Session; // Cedar, group A
let bea: Session; // Harbour, group B
let clinA: Session;
let clinB: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await createExchangeWorld(t);
  [alice, aaron, bea, clinA, clinB] = await signInAll(t, [world.participantA, world.participantA2, world.participantB, world.clinicianA, world.clinicianB]);
});
afterAll(async () => t?.close());

const share = (s: Session, groupId: string, body: unknown = strategyBody) => call(t.app, s, 'POST', `/api/groups/${groupId}/strategies`, body);

describe('sharing a strategy', () => {
  it('publishes an established member’s strategy to the group under their pseudonym, and hides it from other groups', async () => {
    const shared = await share(alice, world.groupA);
    expect(shared.statusCode).toBe(201);
    const strategy = shared.json();
    expect(strategy).toMatchObject({ title: strategyBody.title, authorPseudonym: 'Willow', mine: true, status: 'published', counts: { try: 0, helped: 0, didntHelp: 0 } });
    expect(JSON.stringify(strategy)).not.toContain('Alice');

    const peerList = (await call(t.app, aaron, 'GET', `/api/groups/${world.groupA}/strategies`)).json();
    expect(peerList.strategies.map((s: { id: string }) => s.id)).toContain(strategy.id);
    expect((await call(t.app, clinA, 'GET', `/api/strategies/${strategy.id}`)).statusCode).toBe(200);
    for (const outsider of [bea, clinB]) {
      expect((await call(t.app, outsider, 'GET', `/api/groups/${world.groupA}/strategies`)).statusCode).toBe(404);
      expect((await call(t.app, outsider, 'GET', `/api/strategies/${strategy.id}`)).statusCode).toBe(404);
    }
  });

  it('holds a new member’s first strategy: visible to the author and the facilitators only', async () => {
    const newcomer = await createUser(t, 'participant', 'Nina New');
    await enrol(t, world.groupA, newcomer.id, 'Fern');
    const nina = await signIn(t, newcomer);
    const held = (await share(nina, world.groupA, { ...strategyBody, title: 'Cold water on my wrists' })).json();
    expect(held.status).toBe('held');
    const ids = async (s: Session) => (await call(t.app, s, 'GET', `/api/groups/${world.groupA}/strategies`)).json().strategies.map((x: { id: string }) => x.id);
    expect(await ids(nina)).toContain(held.id);
    expect(await ids(clinA)).toContain(held.id);
    expect(await ids(aaron)).not.toContain(held.id);
    expect((await call(t.app, aaron, 'GET', `/api/strategies/${held.id}`)).statusCode).toBe(404);
    expect((await call(t.app, aaron, 'PUT', `/api/strategies/${held.id}/mark`, { state: 'try' })).statusCode).toBe(404);
    expect((await call(t.app, clinA, 'POST', `/api/strategies/${held.id}/curate`, { credit: 'anonymous' })).json().error.code).toBe('invalid_state');
    const log = await t.database.db.selectFrom('moderation_log').select(['action', 'item_kind']).where('item_id', '=', held.id).execute();
    expect(log).toEqual([{ action: 'held', item_kind: 'strategy' }]);
  });

  it('holds an established member’s urgent strategy for the care team first; released as written (several fields cannot be edited)', async () => {
    const urgent = (await share(alice, world.groupA, { ...strategyBody, title: 'Tonight', steps: 'I have the pills ready and I am going to end my life tonight.' })).json();
    expect(urgent.status).toBe('held');
    const ids = async (s: Session) => (await call(t.app, s, 'GET', `/api/groups/${world.groupA}/strategies`)).json().strategies.map((x: { id: string }) => x.id);
    expect(await ids(alice)).toContain(urgent.id);
    expect(await ids(clinA)).toContain(urgent.id);
    expect(await ids(aaron)).not.toContain(urgent.id);
    const log = await t.database.db.selectFrom('moderation_log').select(['action', 'reason', 'risk_tier']).where('item_id', '=', urgent.id).execute();
    expect(log).toEqual([{ action: 'held', risk_tier: 'urgent', reason: expect.stringMatching(/^Shared with your care team first: .*been told/) }]);
    const queued = (await call(t.app, clinA, 'GET', '/api/moderation/queue')).json().held.find((i: { id: string }) => i.id === urgent.id);
    expect(queued).toMatchObject({ kind: 'strategy', riskTier: 'urgent', editable: false });
    expect((await call(t.app, clinA, 'POST', `/api/moderation/items/${urgent.id}/approve`, { text: 'Something else' })).json().error.code).toBe('invalid_state');
    expect((await call(t.app, clinA, 'POST', `/api/moderation/items/${urgent.id}/approve`, {})).statusCode).toBe(200);
    expect(await ids(aaron)).toContain(urgent.id);
  });

  it('keeps script and markup as text', async () => {
    const body = { title: '<script>alert(1)</script>', whenHelps: '<b>bold</b> & <img src=x onerror=alert(1)>', steps: '"; DROP TABLE strategies; --' };
    const strategy = (await share(alice, world.groupA, body)).json();
    expect(strategy).toMatchObject(body);
    expect((await call(t.app, aaron, 'GET', `/api/strategies/${strategy.id}`)).json().title).toBe('<script>alert(1)</script>');
  });

  it('refuses empty and huge texts, contact details and strangers, storing nothing', async () => {
    const before = await countRows(t, 'strategies');
    const empty = await share(alice, world.groupA, { ...strategyBody, title: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('validation_failed');
    expect((await share(alice, world.groupA, { ...strategyBody, steps: 'x'.repeat(4001) })).json().error.code).toBe('validation_failed');
    expect((await share(alice, world.groupA, { ...strategyBody, extra: 1 })).statusCode).toBe(400);
    expect((await share(alice, world.groupA, { ...strategyBody, steps: 'Text me on 07700 900123 any time' })).json().error.code).toBe('contact_details_refused');
    expect((await share(bea, world.groupA)).statusCode).toBe(404);
    expect((await share(clinA, world.groupA)).statusCode).toBe(403);
    expect(await countRows(t, 'strategies')).toBe(before);
  });

  it('refuses sharing to a group one has left (404) or not yet joined (422 not_a_member)', async () => {
    const leaver = await createUser(t, 'participant');
    const enrolmentId = await enrol(t, world.groupA, leaver.id, 'Rowan', { status: 'invited', joinedAt: null });
    const s = await signIn(t, leaver);
    const invited = await share(s, world.groupA);
    expect(invited.statusCode).toBe(422);
    expect(invited.json().error.code).toBe('not_a_member');
    await t.database.db.updateTable('enrolments').set({ status: 'withdrawn' }).where('id', '=', enrolmentId).execute();
    expect((await share(s, world.groupA)).statusCode).toBe(404);
  });
});

describe('marking a strategy', () => {
  it('keeps one mark per member, refuses one’s own strategy, staff and outsiders', async () => {
    const strategy = (await share(alice, world.groupA, { ...strategyBody, title: 'Five things I can see' })).json();
    const url = `/api/strategies/${strategy.id}/mark`;
    expect((await call(t.app, aaron, 'PUT', url, { state: 'try' })).json().counts).toEqual({ try: 1, helped: 0, didntHelp: 0 });
    const again = (await call(t.app, aaron, 'PUT', url, { state: 'helped' })).json();
    expect(again.counts).toEqual({ try: 0, helped: 1, didntHelp: 0 });
    expect(again.myMark).toBe('helped');
    const rows = await t.database.db.selectFrom('strategy_marks').selectAll().where('strategy_id', '=', strategy.id).execute();
    expect(rows).toHaveLength(1);

    const own = await call(t.app, alice, 'PUT', url, { state: 'helped' });
    expect(own.statusCode).toBe(422);
    expect(own.json().error.code).toBe('own_strategy');
    expect((await call(t.app, clinA, 'PUT', url, { state: 'helped' })).statusCode).toBe(403);
    expect((await call(t.app, bea, 'PUT', url, { state: 'helped' })).statusCode).toBe(404);
    expect((await call(t.app, aaron, 'PUT', url, { state: 'loved' })).statusCode).toBe(400);

    const cleared = (await call(t.app, aaron, 'DELETE', url)).json();
    expect(cleared.counts).toEqual({ try: 0, helped: 0, didntHelp: 0 });
    expect(cleared.myMark).toBeNull();
  });

  it('cuts a withdrawn member off at once, and keeps their earlier mark in the counts', async () => {
    const member = await createUser(t, 'participant');
    const enrolmentId = await enrol(t, world.groupA, member.id, 'Birch');
    const s = await signIn(t, member);
    const strategy = (await share(alice, world.groupA, { ...strategyBody, title: 'Walk round the block' })).json();
    await call(t.app, s, 'PUT', `/api/strategies/${strategy.id}/mark`, { state: 'helped' });
    await t.database.db.updateTable('enrolments').set({ status: 'withdrawn' }).where('id', '=', enrolmentId).execute();
    expect((await call(t.app, s, 'GET', `/api/groups/${world.groupA}/strategies`)).statusCode).toBe(404);
    expect((await call(t.app, s, 'PUT', `/api/strategies/${strategy.id}/mark`, { state: 'try' })).statusCode).toBe(404);
    expect((await call(t.app, aaron, 'GET', `/api/strategies/${strategy.id}`)).json().counts.helped).toBe(1);
  });
});

describe('the programme library', () => {
  it('lets a facilitator curate with credit; every group of the programme finds it by search', async () => {
    const strategy = (await share(alice, world.groupA, { ...strategyBody, title: 'Grounding with 5-4-3-2-1', steps: 'Name 5 things you see, 4 you can touch…' })).json();
    expect((await call(t.app, aaron, 'POST', `/api/strategies/${strategy.id}/curate`, { credit: 'pseudonym' })).statusCode).toBe(403);
    expect((await call(t.app, clinB, 'POST', `/api/strategies/${strategy.id}/curate`, { credit: 'pseudonym' })).statusCode).toBe(404);
    const curated = await call(t.app, clinA, 'POST', `/api/strategies/${strategy.id}/curate`, { credit: 'pseudonym', evidenceNote: 'A common grounding exercise.' });
    expect(curated.statusCode).toBe(201);
    const twice = await call(t.app, clinA, 'POST', `/api/strategies/${strategy.id}/curate`, { credit: 'anonymous' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already_in_library');

    const found = (await call(t.app, bea, 'GET', `/api/library?q=${encodeURIComponent('GROUNDING 5-4-3')}`)).json().entries;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      title: 'Grounding with 5-4-3-2-1',
      creditLine: 'Shared by Willow',
      evidenceNote: 'A common grounding exercise.',
      mine: false,
      canUncurate: false,
    });
    expect((await call(t.app, bea, 'GET', '/api/library?q=%25')).json().entries).toHaveLength(0);
    expect((await call(t.app, bea, 'GET', '/api/library?q=_')).json().entries).toHaveLength(0);
    expect((await call(t.app, alice, 'GET', `/api/strategies/${strategy.id}`)).json().libraryEntryId).toBe(curated.json().id);
    const notice = await t.database.db.selectFrom('notifications').select('kind').where('user_id', '=', world.participantA.id).where('kind', '=', 'strategy_curated').execute();
    expect(notice).toHaveLength(1);
    const outsider = await createUser(t, 'participant');
    expect((await call(t.app, await signIn(t, outsider), 'GET', '/api/library?q=grounding')).json().entries).toHaveLength(0);
    // A member who leaves loses the library of their programme at once.
    const leaverEnrolment = await enrol(t, world.groupA, outsider.id, 'Sorrel');
    const leaver = await signIn(t, outsider);
    expect((await call(t.app, leaver, 'GET', '/api/library?q=grounding')).json().entries).toHaveLength(1);
    await t.database.db.updateTable('enrolments').set({ status: 'withdrawn' }).where('id', '=', leaverEnrolment).execute();
    expect((await call(t.app, leaver, 'GET', '/api/library?q=grounding')).json().entries).toHaveLength(0);
    expect((await call(t.app, clinB, 'GET', '/api/library?q=grounding')).json().entries[0].canUncurate).toBe(false);
    expect((await call(t.app, clinA, 'GET', '/api/library?q=grounding')).json().entries[0].canUncurate).toBe(true);
    expect((await call(t.app, alice, 'GET', '/api/library')).json().entries.find((e: { id: string }) => e.id === curated.json().id).mine).toBe(true);
  });

  it('lets the author take it out again, and a facilitator uncurate with a reason', async () => {
    const strategy = (await share(alice, world.groupA, { ...strategyBody, title: 'Hum a song' })).json();
    const entry = (await call(t.app, clinA, 'POST', `/api/strategies/${strategy.id}/curate`, { credit: 'anonymous' })).json();
    expect((await call(t.app, aaron, 'POST', `/api/strategies/${strategy.id}/library-removal`)).statusCode).toBe(404);
    expect((await call(t.app, alice, 'POST', `/api/strategies/${strategy.id}/library-removal`)).statusCode).toBe(204);
    expect((await call(t.app, bea, 'GET', '/api/library?q=hum')).json().entries).toHaveLength(0);
    expect((await call(t.app, alice, 'POST', `/api/strategies/${strategy.id}/library-removal`)).json().error.code).toBe('invalid_state');

    const again = (await call(t.app, clinA, 'POST', `/api/strategies/${strategy.id}/curate`, { credit: 'anonymous' })).json();
    expect(again.id).not.toBe(entry.id);
    expect((await call(t.app, clinB, 'POST', `/api/library/${again.id}/uncurate`, { reason: 'Not mine to decide' })).statusCode).toBe(404);
    expect((await call(t.app, clinA, 'POST', `/api/library/${again.id}/uncurate`, { reason: '' })).statusCode).toBe(400);
    expect((await call(t.app, clinA, 'POST', `/api/library/${again.id}/uncurate`, { reason: 'Duplicate of an existing entry' })).statusCode).toBe(204);
    expect((await call(t.app, clinA, 'GET', '/api/library?q=hum')).json().entries).toHaveLength(0);
  });

  it('lets the author take a strategy back from the group and the library', async () => {
    const strategy = (await share(alice, world.groupA, { ...strategyBody, title: 'Take it back' })).json();
    await call(t.app, clinA, 'POST', `/api/strategies/${strategy.id}/curate`, { credit: 'pseudonym' });
    expect((await call(t.app, aaron, 'POST', `/api/strategies/${strategy.id}/withdraw`)).statusCode).toBe(404);
    expect((await call(t.app, clinA, 'POST', `/api/strategies/${strategy.id}/withdraw`)).statusCode).toBe(403);
    expect((await call(t.app, alice, 'POST', `/api/strategies/${strategy.id}/withdraw`)).statusCode).toBe(204);
    for (const s of [alice, aaron, clinA]) {
      expect((await call(t.app, s, 'GET', `/api/groups/${world.groupA}/strategies?q=take%20it%20back`)).json().strategies).toEqual([]);
    }
    expect((await call(t.app, bea, 'GET', '/api/library?q=take')).json().entries).toEqual([]);
    expect((await call(t.app, alice, 'POST', `/api/strategies/${strategy.id}/withdraw`)).json().error.code).toBe('invalid_state');
  });
});
