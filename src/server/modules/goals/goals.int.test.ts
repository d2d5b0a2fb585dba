import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Session } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { createGoalsWorld, goalInput, type GoalsWorld } from './test-support.js';

let t: TestApp;
let w: GoalsWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createGoalsWorld(t);
});
afterAll(async () => t?.close());

interface GoalBody {
  id: string;
  visibility: string;
  milestones: {
    id: string;
    title: string;
    reachedAt: string | null;
    celebration: { id: string; moderationStatus: string; reactions: { reaction: string; count: number; by: string[] }[] } | null;
  }[];
  checkins: { progress: string; note: string }[];
}

async function newGoal(session: Session = w.s.owner, overrides: Record<string, unknown> = {}): Promise<GoalBody> {
  const response = await call(t.app, session, 'POST', '/api/me/goals', goalInput(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as GoalBody;
}

const goalCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('goals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const feed = (session: Session, groupId = w.groupA) => call(t.app, session, 'GET', `/api/groups/${groupId}/shared`);
const feedIds = async (session: Session) => feed(session).then((r) => (r.json() as { items: { id: string }[] }).items.map((i) => i.id));
const clinicianSees = async (session: Session, goalId: string) => {
  const r = await call(t.app, session, 'GET', `/api/enrolments/${w.enrolmentA}/goals`);
  if (r.statusCode !== 200) return r.statusCode;
  return (r.json() as { goals: { id: string }[] }).goals.some((g) => g.id === goalId);
};

describe('the goal wizard', () => {
  it('creates a private goal with its ordered steps, tied to the current group', async () => {
    const goal = await newGoal();
    expect(goal.visibility).toBe('private');
    expect(goal.milestones.map((m) => m.title)).toEqual(['Pick a friend', 'Send the first text', 'Meet up']);
    const list = await call(t.app, w.s.owner, 'GET', '/api/me/goals');
    expect((list.json() as { goals: { id: string; group: { pseudonym: string } }[] }).goals.find((g) => g.id === goal.id)?.group.pseudonym).toBe('Willow');
  });

  it('refuses empty, huge, past and impossible answers with clear errors and stores nothing', async () => {
    const before = await goalCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ action: '   ' }, 'body.action'],
      [{ action: 'x'.repeat(301) }, 'body.action'],
      [{ frequency: '' }, 'body.frequency'],
      [{ targetDate: '2020-01-01' }, 'body.targetDate'],
      [{ targetDate: '2030-02-30' }, 'body.targetDate'],
      [{ area: 'fame' }, 'body.area'],
      [{ milestones: Array.from({ length: 11 }, (_, i) => `step ${i}`) }, 'body.milestones'],
      [{ supportNeeded: 'y'.repeat(501) }, 'body.supportNeeded'],
    ];
    for (const [override, path] of cases) {
      const r = await call(t.app, w.s.owner, 'POST', '/api/me/goals', goalInput(override));
      expect(r.statusCode, JSON.stringify(override)).toBe(400);
      expect(r.json().error.code).toBe('validation_failed');
      expect(
        (r.json().error.details as { path: string }[]).map((d) => d.path),
        JSON.stringify(override),
      ).toContain(path);
    }
    const foreign = await call(t.app, w.s.owner, 'POST', '/api/me/goals', goalInput({ enrolmentId: w.enrolmentB }));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.code).toBe('not_a_member');
    expect(await goalCount()).toBe(before);
  });

  it('keeps script and markup as typed (shown as text by the web)', async () => {
    const markup = '<script>alert(1)</script><b>walk</b> & "talk"';
    const goal = await newGoal(w.s.owner, { action: markup, milestones: ['<img src=x onerror=alert(1)>'] });
    const r = await call(t.app, w.s.owner, 'GET', `/api/goals/${goal.id}`);
    expect(r.json().action).toBe(markup);
    expect(r.json().milestones[0].title).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('visibility: private, my clinicians, my group — with an exact preview, and withdrawable', () => {
  it('follows the matrix owner / peer / other group / group clinician / other clinician / referrer', async () => {
    const goal = await newGoal();
    // Private: the owner only.
    expect((await call(t.app, w.s.owner, 'GET', `/api/goals/${goal.id}`)).statusCode).toBe(200);
    expect((await call(t.app, w.s.peer, 'GET', `/api/goals/${goal.id}`)).statusCode).toBe(404);
    expect((await call(t.app, w.s.outsider, 'GET', `/api/goals/${goal.id}`)).statusCode).toBe(404);
    expect((await call(t.app, w.s.lead, 'GET', `/api/goals/${goal.id}`)).statusCode).toBe(403);
    expect(await clinicianSees(w.s.lead, goal.id)).toBe(false);
    expect(await clinicianSees(w.s.referrer, goal.id)).toBe(false);
    expect(await clinicianSees(w.s.otherClinician, goal.id)).toBe(404);
    expect(await feedIds(w.s.peer)).not.toContain(goal.id);

    // My clinicians: the group's facilitators and the referrer; never peers.
    const toClinicians = await call(t.app, w.s.owner, 'PUT', `/api/goals/${goal.id}/visibility`, { visibility: 'clinicians' });
    expect(toClinicians.json().visibility).toBe('clinicians');
    expect(await clinicianSees(w.s.lead, goal.id)).toBe(true);
    expect(await clinicianSees(w.s.referrer, goal.id)).toBe(true);
    expect(await clinicianSees(w.s.otherClinician, goal.id)).toBe(404);
    expect(await feedIds(w.s.peer)).not.toContain(goal.id);
    expect(await feedIds(w.s.lead)).not.toContain(goal.id);

    // My group: current members by pseudonym, plus the clinicians; other groups get 404.
    const toGroup = await call(t.app, w.s.owner, 'PUT', `/api/goals/${goal.id}/visibility`, { visibility: 'group' });
    expect(toGroup.json()).toMatchObject({ visibility: 'group', moderationStatus: 'published' });
    const peerFeed = (await feed(w.s.peer)).json() as { items: Record<string, unknown>[] };
    const item = peerFeed.items.find((i) => i.id === goal.id);
    expect(item).toMatchObject({ kind: 'goal', author: 'Willow', mine: false, title: goalInput().action });
    expect(JSON.stringify(peerFeed)).not.toContain(w.participantA.displayName);
    expect(JSON.stringify(peerFeed)).not.toContain('A reminder on Sundays');
    expect((await feed(w.s.outsider)).statusCode).toBe(404);
    expect((await feed(w.s.otherClinician)).statusCode).toBe(404);
    expect(await feedIds(w.s.lead)).toContain(goal.id);
    expect(await clinicianSees(w.s.referrer, goal.id)).toBe(true);

    // Withdrawn: private again, for everyone at once.
    await call(t.app, w.s.owner, 'PUT', `/api/goals/${goal.id}/visibility`, { visibility: 'private' });
    expect(await feedIds(w.s.peer)).not.toContain(goal.id);
    expect(await clinicianSees(w.s.lead, goal.id)).toBe(false);
    const row = await t.database.db.selectFrom('goals').selectAll().where('id', '=', goal.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ visibility: 'private', shared_group_id: null, moderation_status: null });
  });

  it('previews exactly who will see it', async () => {
    const goal = await newGoal();
    const clinicians = await call(t.app, w.s.owner, 'GET', `/api/goals/${goal.id}/audience?visibility=clinicians`);
    expect(clinicians.json()).toEqual({
      visibility: 'clinicians',
      clinicians: [
        { name: w.clinicianA.displayName, relation: 'facilitator' },
        { name: 'Rita Referrer', relation: 'referrer' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
      group: null,
    });
    const group = await call(t.app, w.s.owner, 'GET', `/api/goals/${goal.id}/audience?visibility=group`);
    expect(group.json().group).toEqual({ name: 'Group A', memberCount: 1, pseudonyms: ['Cedar'] });
    expect((await call(t.app, w.s.owner, 'GET', `/api/goals/${goal.id}/audience?visibility=everyone`)).statusCode).toBe(400);
    expect((await call(t.app, w.s.peer, 'GET', `/api/goals/${goal.id}/audience?visibility=group`)).statusCode).toBe(404);
  });

  it('refuses contact details in a goal shared with the group, and keeps it private', async () => {
    const goal = await newGoal(w.s.owner, { action: 'Text me at sky@example.com' });
    const r = await call(t.app, w.s.owner, 'PUT', `/api/goals/${goal.id}/visibility`, { visibility: 'group' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('contact_details_refused');
    const row = await t.database.db.selectFrom('goals').select(['visibility', 'shared_group_id']).where('id', '=', goal.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ visibility: 'private', shared_group_id: null });
  });
});

describe('check-ins and milestones', () => {
  it('records check-ins in words, private to whoever the goal is shared with; never in the group space', async () => {
    const goal = await newGoal();
    const r = await call(t.app, w.s.owner, 'POST', `/api/goals/${goal.id}/checkins`, { progress: 'some', note: 'Hard week, sent one text.' });
    expect(r.statusCode).toBe(201);
    expect(r.json().checkins[0]).toMatchObject({ progress: 'some', note: 'Hard week, sent one text.' });
    expect((await call(t.app, w.s.owner, 'POST', `/api/goals/${goal.id}/checkins`, { progress: 'failed' })).statusCode).toBe(400);
    expect((await call(t.app, w.s.owner, 'POST', `/api/goals/${goal.id}/checkins`, { progress: 'some', note: 'n'.repeat(501) })).statusCode).toBe(400);
    expect((await call(t.app, w.s.peer, 'POST', `/api/goals/${goal.id}/checkins`, { progress: 'done' })).statusCode).toBe(404);
    await call(t.app, w.s.owner, 'PUT', `/api/goals/${goal.id}/visibility`, { visibility: 'group' });
    expect((await feed(w.s.peer)).body).not.toContain('Hard week');
  });

  it('reaches each step once; celebrating needs a reached step; one card per step', async () => {
    const goal = await newGoal();
    const step = goal.milestones[0];
    if (!step) throw new Error('no step');
    const early = await call(t.app, w.s.owner, 'POST', `/api/milestones/${step.id}/celebration`, { detail: 'title' });
    expect(early.json().error.code).toBe('milestone_not_reached');
    const reached = await call(t.app, w.s.owner, 'POST', `/api/milestones/${step.id}/reach`, { note: 'Chose Sam.' });
    expect(reached.json().milestones[0].reachedAt).toBeTruthy();
    const again = await call(t.app, w.s.owner, 'POST', `/api/milestones/${step.id}/reach`, { note: 'Again' });
    expect(again.statusCode).toBe(409);
    const stored = await t.database.db.selectFrom('goal_milestones').select('reached_note').where('id', '=', step.id).executeTakeFirstOrThrow();
    expect(stored.reached_note).toBe('Chose Sam.');
    expect((await call(t.app, w.s.owner, 'POST', `/api/milestones/${step.id}/celebration`, { detail: 'title_note', note: '' })).json().error.code).toBe('validation_failed');
    const shared = await call(t.app, w.s.owner, 'POST', `/api/milestones/${step.id}/celebration`, { detail: 'title_note', note: 'It felt <b>good</b>' });
    expect(shared.statusCode).toBe(201);
    const twice = await call(t.app, w.s.owner, 'POST', `/api/milestones/${step.id}/celebration`, { detail: 'reached' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already_shared');
    expect(await t.database.db.selectFrom('celebrations').select('id').where('milestone_id', '=', step.id).execute()).toHaveLength(1);
    const item = ((await feed(w.s.peer)).json() as { items: Record<string, unknown>[] }).items.find((i) => i.kind === 'celebration' && i.title === 'Pick a friend');
    expect(item).toMatchObject({ author: 'Willow', detail: 'title_note', body: 'It felt <b>good</b>', moderationStatus: 'published' });
    expect((await call(t.app, w.s.peer, 'POST', `/api/milestones/${step.id}/reach`, {})).statusCode).toBe(404);
  });

  it('shares only what the member chose: "just that I reached a milestone" hides the title', async () => {
    const goal = await newGoal(w.s.owner, { milestones: ['A very private step'] });
    const step = goal.milestones[0]!;
    await call(t.app, w.s.owner, 'POST', `/api/milestones/${step.id}/reach`, {});
    const r = await call(t.app, w.s.owner, 'POST', `/api/milestones/${step.id}/celebration`, { detail: 'reached', note: 'ignored' });
    const card = r.json().milestones[0].celebration;
    const item = ((await feed(w.s.peer)).json() as { items: Record<string, unknown>[] }).items.find((i) => i.id === card.id);
    expect(item).toMatchObject({ title: null, body: null, detail: 'reached' });
    expect((await feed(w.s.peer)).body).not.toContain('A very private step');
  });
});

describe('supportive reactions', () => {
  let cardId: string;
  let goalId: string;
  let stepId: string;
  beforeAll(async () => {
    const goal = await newGoal();
    goalId = goal.id;
    stepId = goal.milestones[0]!.id;
    await call(t.app, w.s.owner, 'POST', `/api/milestones/${stepId}/reach`, {});
    cardId = (await call(t.app, w.s.owner, 'POST', `/api/milestones/${stepId}/celebration`, { detail: 'title' })).json().milestones[0].celebration.id;
  });

  it('lets a peer react once per kind (409 already_reacted), and the owner sees who reacted', async () => {
    const first = await call(t.app, w.s.peer, 'POST', `/api/celebrations/${cardId}/reactions`, { reaction: 'clap' });
    expect(first.statusCode).toBe(201);
    expect(first.json().reactions).toEqual([{ reaction: 'clap', count: 1, mine: true, by: ['Cedar'] }]);
    const twice = await call(t.app, w.s.peer, 'POST', `/api/celebrations/${cardId}/reactions`, { reaction: 'clap' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already_reacted');
    expect((await call(t.app, w.s.peer, 'POST', `/api/celebrations/${cardId}/reactions`, { reaction: 'heart' })).statusCode).toBe(201);
    expect(await t.database.db.selectFrom('supportive_reactions').select('id').where('target_id', '=', cardId).execute()).toHaveLength(2);
    const owner = await call(t.app, w.s.owner, 'GET', `/api/goals/${goalId}`);
    expect(owner.json().milestones[0].celebration.reactions).toEqual([
      { reaction: 'clap', count: 1, mine: false, by: ['Cedar'] },
      { reaction: 'heart', count: 1, mine: false, by: ['Cedar'] },
    ]);
  });

  it('offers supportive reactions only, from group members only', async () => {
    expect((await call(t.app, w.s.peer, 'POST', `/api/celebrations/${cardId}/reactions`, { reaction: 'thumbs_down' })).statusCode).toBe(400);
    expect((await call(t.app, w.s.owner, 'POST', `/api/celebrations/${cardId}/reactions`, { reaction: 'clap' })).json().error.code).toBe('invalid_state');
    expect((await call(t.app, w.s.outsider, 'POST', `/api/celebrations/${cardId}/reactions`, { reaction: 'clap' })).statusCode).toBe(404);
    expect((await call(t.app, w.s.lead, 'POST', `/api/celebrations/${cardId}/reactions`, { reaction: 'clap' })).statusCode).toBe(403);
    expect((await call(t.app, w.s.admin, 'POST', `/api/celebrations/${cardId}/reactions`, { reaction: 'clap' })).statusCode).toBe(403);
  });

  it('takes a reaction back idempotently', async () => {
    const r = await call(t.app, w.s.peer, 'DELETE', `/api/celebrations/${cardId}/reactions?reaction=heart`);
    expect(r.json().reactions.map((x: { reaction: string }) => x.reaction)).toEqual(['clap']);
    expect((await call(t.app, w.s.peer, 'DELETE', `/api/celebrations/${cardId}/reactions?reaction=heart`)).statusCode).toBe(200);
  });

  it('lets the owner withdraw the card: gone for peers, no more reactions; it can be posted again afresh', async () => {
    const withdrawn = await call(t.app, w.s.owner, 'DELETE', `/api/milestones/${stepId}/celebration`);
    expect(withdrawn.json().milestones[0].celebration.withdrawnAt).toBeTruthy();
    expect(await feedIds(w.s.peer)).not.toContain(cardId);
    expect((await call(t.app, w.s.peer, 'POST', `/api/celebrations/${cardId}/reactions`, { reaction: 'proud' })).statusCode).toBe(404);
    expect((await call(t.app, w.s.owner, 'DELETE', `/api/milestones/${stepId}/celebration`)).json().error.code).toBe('invalid_state');
    const again = await call(t.app, w.s.owner, 'POST', `/api/milestones/${stepId}/celebration`, { detail: 'reached' });
    expect(again.json().milestones[0].celebration).toMatchObject({ id: cardId, withdrawnAt: null, reactions: [] });
  });
});

describe('moderation and membership', () => {
  it('holds a new member’s celebration: facilitators see it, peers do not and cannot react', async () => {
    const goal = await newGoal(w.s.peer);
    const step = goal.milestones[0]!;
    await call(t.app, w.s.peer, 'POST', `/api/milestones/${step.id}/reach`, {});
    const r = await call(t.app, w.s.peer, 'POST', `/api/milestones/${step.id}/celebration`, { detail: 'title' });
    const card = r.json().milestones[0].celebration;
    expect(card.moderationStatus).toBe('held');
    expect(await feedIds(w.s.owner)).not.toContain(card.id);
    expect(await feedIds(w.s.peer)).toContain(card.id);
    expect(((await feed(w.s.lead)).json() as { items: { id: string; moderationStatus: string }[] }).items.find((i) => i.id === card.id)?.moderationStatus).toBe('held');
    expect((await call(t.app, w.s.owner, 'POST', `/api/celebrations/${card.id}/reactions`, { reaction: 'clap' })).statusCode).toBe(404);
    const log = await t.database.db.selectFrom('moderation_log').select(['action', 'item_kind']).where('item_id', '=', card.id).execute();
    expect(log).toEqual([{ action: 'held', item_kind: 'celebration' }]);
  });

  it('a withdrawn member loses access at once and cannot share into the group they left', async () => {
    const goal = await newGoal();
    const step = goal.milestones[0]!;
    await call(t.app, w.s.owner, 'POST', `/api/milestones/${step.id}/reach`, {});
    const cardId = (await call(t.app, w.s.owner, 'POST', `/api/milestones/${step.id}/celebration`, { detail: 'title' })).json().milestones[0].celebration.id;
    await t.database.db.updateTable('enrolments').set({ status: 'withdrawn' }).where('id', '=', w.enrolmentA2).execute();
    try {
      expect((await feed(w.s.peer)).statusCode).toBe(404);
      expect((await call(t.app, w.s.peer, 'POST', `/api/celebrations/${cardId}/reactions`, { reaction: 'clap' })).statusCode).toBe(404);
      // What they shared leaves the group with them; their own goals stay theirs.
      const own = await call(t.app, w.s.peer, 'GET', '/api/me/goals');
      expect(own.statusCode).toBe(200);
      const peerGoal = (own.json() as { goals: { id: string }[] }).goals[0]!;
      const share = await call(t.app, w.s.peer, 'PUT', `/api/goals/${peerGoal.id}/visibility`, { visibility: 'group' });
      expect(share.statusCode).toBe(422);
      expect(share.json().error.code).toBe('not_a_member');
      expect((await call(t.app, w.s.peer, 'GET', `/api/goals/${peerGoal.id}/audience?visibility=group`)).json().error.code).toBe('not_a_member');
      expect(JSON.stringify((await feed(w.s.lead)).json())).not.toContain('Cedar');
    } finally {
      await t.database.db.updateTable('enrolments').set({ status: 'active' }).where('id', '=', w.enrolmentA2).execute();
    }
  });

  it('audits writes and clinicians’ reads without storing the text', async () => {
    const goal = await newGoal(w.s.owner, { action: 'Secret action text' });
    await call(t.app, w.s.owner, 'PUT', `/api/goals/${goal.id}/visibility`, { visibility: 'clinicians' });
    await call(t.app, w.s.lead, 'GET', `/api/enrolments/${w.enrolmentA}/goals`);
    const rows = await t.database.db.selectFrom('audit_events').select(['action', 'detail']).where('resource_id', 'in', [goal.id, w.enrolmentA]).execute();
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['goals.create', 'goals.visibility', 'goals.member.read']));
    expect(JSON.stringify(rows)).not.toContain('Secret action text');
  });
});

describe('managing a goal', () => {
  it('marks achieved, closes and reopens without judgement; only the owner may', async () => {
    const goal = await newGoal();
    expect((await call(t.app, w.s.owner, 'PUT', `/api/goals/${goal.id}/status`, { status: 'achieved' })).json().status).toBe('achieved');
    expect((await call(t.app, w.s.owner, 'PUT', `/api/goals/${goal.id}/status`, { status: 'closed' })).json().status).toBe('closed');
    expect((await call(t.app, w.s.owner, 'PUT', `/api/goals/${goal.id}/status`, { status: 'failed' })).statusCode).toBe(400);
    expect((await call(t.app, w.s.peer, 'PUT', `/api/goals/${goal.id}/status`, { status: 'active' })).statusCode).toBe(404);
    expect((await call(t.app, w.s.owner, 'PUT', `/api/goals/${goal.id}/status`, { status: 'active' })).json().status).toBe('active');
  });

  it('deletes a goal with its steps, check-ins, celebration card and reactions, at once for everyone', async () => {
    const goal = await newGoal();
    const step = goal.milestones[0]!;
    await call(t.app, w.s.owner, 'POST', `/api/goals/${goal.id}/checkins`, { progress: 'some', note: '' });
    await call(t.app, w.s.owner, 'POST', `/api/milestones/${step.id}/reach`, {});
    const cardId = (await call(t.app, w.s.owner, 'POST', `/api/milestones/${step.id}/celebration`, { detail: 'title' })).json().milestones[0].celebration.id as string;
    await call(t.app, w.s.peer, 'POST', `/api/celebrations/${cardId}/reactions`, { reaction: 'clap' });
    expect((await call(t.app, w.s.peer, 'DELETE', `/api/goals/${goal.id}`)).statusCode).toBe(404);
    expect((await call(t.app, w.s.owner, 'DELETE', `/api/goals/${goal.id}`)).statusCode).toBe(204);
    expect(await feedIds(w.s.peer)).not.toContain(cardId);
    const db = t.database.db;
    expect(await db.selectFrom('goal_milestones').select('id').where('goal_id', '=', goal.id).execute()).toEqual([]);
    expect(await db.selectFrom('goal_checkins').select('id').where('goal_id', '=', goal.id).execute()).toEqual([]);
    expect(await db.selectFrom('supportive_reactions').select('id').where('target_id', '=', cardId).execute()).toEqual([]);
    expect((await call(t.app, w.s.owner, 'GET', `/api/goals/${goal.id}`)).statusCode).toBe(404);
  });
});
