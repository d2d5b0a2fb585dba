import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolmentStatus } from '../db/schema.js';
import { createGoalsWorld, goalInput, type GoalsWorld } from '../modules/goals/test-support.js';
import { call, type Session } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

// The surfaces whose membership level changed when the three status sets became one table
// (policy/membership.ts, ARCHITECTURE.md "Membership levels"): sharing, reacting, marking,
// appreciating, asking for feedback, the peers list and the space all ask for `contribute` or
// `enter_space` (active members only). Each is tried by an invited, a paused and a withdrawn
// member of group A and by a member of group B, then by the same member once active again.

let t: TestApp;
let w: GoalsWorld;
const ids = { strategyA: '', celebrationA: '', goal: '', milestone: '', practice: '' };

interface Surface {
  name: string;
  run: (s: Session) => Promise<LightMyRequestResponse>;
  /** The URL names an object of group A: withdrawn members and other groups no longer reach it (404). Otherwise it is the member's own object. */
  groupObject: boolean;
}

const surfaces: Surface[] = [
  {
    name: 'share a strategy',
    groupObject: true,
    run: (s) => call(t.app, s, 'POST', `/api/groups/${w.groupA}/strategies`, { title: 'Box breathing', whenHelps: 'Before meetings', steps: 'In 4, hold 4, out 4.' }),
  },
  { name: 'mark a strategy', groupObject: true, run: (s) => call(t.app, s, 'PUT', `/api/strategies/${ids.strategyA}/mark`, { state: 'try' }) },
  { name: 'ask for feedback', groupObject: true, run: (s) => call(t.app, s, 'POST', `/api/groups/${w.groupA}/feedback-requests`, { body: 'I’d welcome feedback on listening.' }) },
  {
    name: 'send an appreciation',
    groupObject: true,
    run: (s) => call(t.app, s, 'POST', `/api/groups/${w.groupA}/appreciations`, { recipientEnrolmentIds: [w.enrolmentA], body: 'Thank you for today.' }),
  },
  { name: 'list the peers', groupObject: true, run: (s) => call(t.app, s, 'GET', `/api/groups/${w.groupA}/peers`) },
  { name: 'react to a celebration', groupObject: true, run: (s) => call(t.app, s, 'POST', `/api/celebrations/${ids.celebrationA}/reactions`, { reaction: 'clap' }) },
  { name: 'post in the space', groupObject: true, run: (s) => call(t.app, s, 'POST', `/api/space/groups/${w.groupA}/posts`, { thread: 'chat', text: 'Hello all' }) },
  { name: 'share a goal with the group', groupObject: false, run: (s) => call(t.app, s, 'PUT', `/api/goals/${ids.goal}/visibility`, { visibility: 'group' }) },
  { name: 'celebrate a milestone', groupObject: false, run: (s) => call(t.app, s, 'POST', `/api/milestones/${ids.milestone}/celebration`, { detail: 'title' }) },
  { name: 'share a skills practice', groupObject: false, run: (s) => call(t.app, s, 'PUT', `/api/skills-practice/${ids.practice}/share`, { share: true }) },
];

async function setStatus(status: EnrolmentStatus): Promise<void> {
  await t.database.db.updateTable('enrolments').set({ status }).where('id', '=', w.enrolmentA2).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  w = await createGoalsWorld(t);
  const db = t.database.db;
  // Group A's objects, by participant A (published at once: not a new member).
  ids.strategyA = (await call(t.app, w.s.owner, 'POST', `/api/groups/${w.groupA}/strategies`, { title: 'Walk', whenHelps: 'Evenings', steps: 'Around the block.' })).json().id;
  const ownerGoal = (await call(t.app, w.s.owner, 'POST', '/api/me/goals', goalInput())).json();
  await call(t.app, w.s.owner, 'POST', `/api/milestones/${ownerGoal.milestones[0].id}/reach`, {});
  ids.celebrationA = (await call(t.app, w.s.owner, 'POST', `/api/milestones/${ownerGoal.milestones[0].id}/celebration`, { detail: 'title' })).json().milestones[0].celebration.id;
  await db.updateTable('strategies').set({ moderation_status: 'published' }).where('id', '=', ids.strategyA).execute();
  await db.updateTable('celebrations').set({ moderation_status: 'published' }).where('id', '=', ids.celebrationA).execute();
  // The member's own goal (a reached step) and practice entry, made while active.
  const goal = (await call(t.app, w.s.peer, 'POST', '/api/me/goals', goalInput({ enrolmentId: w.enrolmentA2 }))).json();
  ids.goal = goal.id;
  ids.milestone = goal.milestones[0].id;
  await call(t.app, w.s.peer, 'POST', `/api/milestones/${ids.milestone}/reach`, {});
  ids.practice = (
    await call(t.app, w.s.peer, 'POST', '/api/me/skills-practice', { skill: 'I-statements and asking for what you need', situation: 'Dinner', tried: 'Said how I felt', rating: 4 })
  ).json().id;
  for (const id of Object.values(ids)) expect(id).toMatch(/^[0-9a-f-]{36}$/);
});

afterAll(async () => t?.close());

describe('membership levels on the surfaces that changed', () => {
  for (const status of ['invited', 'paused'] as const) {
    it(`refuses ${status === 'invited' ? 'an' : 'a'} ${status} member everywhere with 422 not_a_member, storing nothing`, async () => {
      await setStatus(status);
      const before = await counts();
      for (const surface of surfaces) {
        const response = await surface.run(w.s.peer);
        expect(response.statusCode, `${status}: ${surface.name} → ${response.body.slice(0, 160)}`).toBe(422);
        expect(response.json().error.code, `${status}: ${surface.name}`).toBe('not_a_member');
      }
      expect(await counts()).toEqual(before);
    });
  }

  it('answers a withdrawn member 404 for the group’s objects and not_a_member for their own', async () => {
    await setStatus('withdrawn');
    const before = await counts();
    for (const surface of surfaces) {
      const response = await surface.run(w.s.peer);
      const want = surface.groupObject ? 404 : 422;
      expect(response.statusCode, `withdrawn: ${surface.name} → ${response.body.slice(0, 160)}`).toBe(want);
      expect(response.json().error.code, `withdrawn: ${surface.name}`).toBe(surface.groupObject ? 'not_found' : 'not_a_member');
    }
    expect(await counts()).toEqual(before);
  });

  it('answers a member of another group 404 for every object of this one', async () => {
    for (const surface of surfaces.filter((s) => s.groupObject)) {
      const response = await surface.run(w.s.outsider);
      expect(response.statusCode, `other group: ${surface.name} → ${response.body.slice(0, 160)}`).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it('lets the same member do all of it once active again', async () => {
    await setStatus('active');
    // An agreement accepted and a non-new author are not what this test is about: only membership.
    for (const surface of surfaces) {
      const response = await surface.run(w.s.peer);
      expect([200, 201], `active: ${surface.name} → ${response.statusCode} ${response.body.slice(0, 160)}`).toContain(response.statusCode);
    }
  });

  it('lists only active members as peers: invited and paused ones are not offered as recipients', async () => {
    await setStatus('paused');
    try {
      const peers = (await call(t.app, w.s.owner, 'GET', `/api/groups/${w.groupA}/peers`)).json().peers as { enrolmentId: string }[];
      expect(peers.map((p) => p.enrolmentId)).not.toContain(w.enrolmentA2);
      const refused = await call(t.app, w.s.owner, 'POST', `/api/groups/${w.groupA}/appreciations`, { recipientEnrolmentIds: [w.enrolmentA2], body: 'Thanks' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.code).toBe('not_a_member');
    } finally {
      await setStatus('active');
    }
    const peers = (await call(t.app, w.s.owner, 'GET', `/api/groups/${w.groupA}/peers`)).json().peers as { enrolmentId: string }[];
    expect(peers.map((p) => p.enrolmentId)).toContain(w.enrolmentA2);
  });
});

/** Rows a refused request must not have written. */
async function counts() {
  const db = t.database.db;
  const n = async (table: 'strategies' | 'strategy_marks' | 'feedback_items' | 'appreciations' | 'supportive_reactions' | 'space_posts' | 'celebrations') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const shared = await db.selectFrom('goals').select('visibility').where('id', '=', ids.goal).executeTakeFirstOrThrow();
  const practice = await db.selectFrom('skill_practices').select('shared_group_id').where('id', '=', ids.practice).executeTakeFirstOrThrow();
  return {
    strategies: await n('strategies'),
    marks: await n('strategy_marks'),
    feedback: await n('feedback_items'),
    appreciations: await n('appreciations'),
    reactions: await n('supportive_reactions'),
    posts: await n('space_posts'),
    celebrations: await n('celebrations'),
    goalVisibility: shared.visibility,
    practiceShared: practice.shared_group_id,
  };
}
