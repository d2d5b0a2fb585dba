import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Session } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { createGoalsWorld, type GoalsWorld } from '../goals/test-support.js';

let t: TestApp;
let w: GoalsWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createGoalsWorld(t);
});
afterAll(async () => t?.close());

const SKILL = 'I-statements and asking for what you need';
const entry = (overrides: Record<string, unknown> = {}) => ({ skill: SKILL, situation: 'Dinner with my brother', tried: 'Said “I feel left out when…”', rating: 4, ...overrides });
const count = async () => (await t.database.db.selectFrom('skill_practices').select('id').execute()).length;
const feedItems = async (session: Session) =>
  ((await call(t.app, session, 'GET', `/api/groups/${w.groupA}/shared`)).json() as { items: { id: string; kind: string; reactions: unknown }[] }).items;

describe('skills practice log', () => {
  it('offers the curriculum’s skills in session order', async () => {
    const r = await call(t.app, w.s.owner, 'GET', '/api/me/skills-practice');
    const skills = (r.json() as { skills: { skill: string; position: number }[] }).skills;
    expect(skills[0]).toMatchObject({ skill: 'Arriving and being present in a group', position: 1 });
    expect(skills.map((s) => s.skill)).toContain(SKILL);
  });

  it('logs a private entry; refuses unknown skills, out-of-range ratings, empty and huge texts, storing nothing', async () => {
    const before = await count();
    const bad: [Record<string, unknown>, string][] = [
      [{ skill: 'Juggling' }, 'body.skill'],
      [{ rating: 0 }, 'body.rating'],
      [{ rating: 6 }, 'body.rating'],
      [{ rating: 2.5 }, 'body.rating'],
      [{ situation: '  ' }, 'body.situation'],
      [{ tried: 'x'.repeat(1001) }, 'body.tried'],
    ];
    for (const [override, path] of bad) {
      const r = await call(t.app, w.s.owner, 'POST', '/api/me/skills-practice', entry(override));
      expect(r.statusCode, JSON.stringify(override)).toBe(400);
      expect((r.json().error.details as { path: string }[]).map((d) => d.path)).toContain(path);
    }
    expect(await count()).toBe(before);
    const ok = await call(t.app, w.s.owner, 'POST', '/api/me/skills-practice', entry({ situation: '<script>alert(1)</script>' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ sharedWith: null, situation: '<script>alert(1)</script>', rating: 4 });
    expect((await feedItems(w.s.peer)).map((i) => i.id)).not.toContain(ok.json().id);
  });

  it('shares with the group as a card peers can cheer; unsharing takes it and its reactions away', async () => {
    const created = await call(t.app, w.s.owner, 'POST', '/api/me/skills-practice', entry({ shareWithGroup: true }));
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ sharedWith: 'Group A', moderationStatus: 'published' });
    expect((await feedItems(w.s.peer)).find((i) => i.id === id)).toMatchObject({ kind: 'skill_practice' });
    expect((await call(t.app, w.s.outsider, 'GET', `/api/groups/${w.groupA}/shared`)).statusCode).toBe(404);
    const react = await call(t.app, w.s.peer, 'POST', `/api/shared-practice/${id}/reactions`, { reaction: 'growing' });
    expect(react.statusCode).toBe(201);
    expect((await call(t.app, w.s.peer, 'POST', `/api/shared-practice/${id}/reactions`, { reaction: 'growing' })).json().error.code).toBe('already_reacted');
    expect((await call(t.app, w.s.outsider, 'POST', `/api/shared-practice/${id}/reactions`, { reaction: 'growing' })).statusCode).toBe(404);
    // Sharing again is a no-op: one moderation record, not two.
    await call(t.app, w.s.owner, 'PUT', `/api/skills-practice/${id}/share`, { share: true });
    expect(await t.database.db.selectFrom('moderation_log').select('id').where('item_id', '=', id).execute()).toHaveLength(1);
    const off = await call(t.app, w.s.owner, 'PUT', `/api/skills-practice/${id}/share`, { share: false });
    expect(off.json().sharedWith).toBeNull();
    expect((await feedItems(w.s.peer)).map((i) => i.id)).not.toContain(id);
    expect((await call(t.app, w.s.peer, 'POST', `/api/shared-practice/${id}/reactions`, { reaction: 'clap' })).statusCode).toBe(404);
    expect(await t.database.db.selectFrom('supportive_reactions').select('id').where('target_id', '=', id).execute()).toHaveLength(0);
  });

  it('keeps entries their owner’s: peers 404, clinicians and admins 403', async () => {
    const id = (await call(t.app, w.s.owner, 'POST', '/api/me/skills-practice', entry())).json().id as string;
    expect((await call(t.app, w.s.peer, 'PUT', `/api/skills-practice/${id}/share`, { share: true })).statusCode).toBe(404);
    expect((await call(t.app, w.s.lead, 'GET', '/api/me/skills-practice')).statusCode).toBe(403);
    expect((await call(t.app, w.s.admin, 'POST', '/api/me/skills-practice', entry())).statusCode).toBe(403);
  });

  it('refuses sharing into a group the member has left', async () => {
    const id = (await call(t.app, w.s.owner, 'POST', '/api/me/skills-practice', entry())).json().id as string;
    await t.database.db.updateTable('enrolments').set({ status: 'completed' }).where('id', '=', w.enrolmentA).execute();
    try {
      const r = await call(t.app, w.s.owner, 'PUT', `/api/skills-practice/${id}/share`, { share: true });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe('not_a_member');
      const row = await t.database.db.selectFrom('skill_practices').select(['shared_group_id']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.shared_group_id).toBeNull();
      // Their earlier shared entries leave the group with them.
      expect((await feedItems(w.s.peer)).filter((i) => i.kind === 'skill_practice')).toEqual([]);
    } finally {
      await t.database.db.updateTable('enrolments').set({ status: 'active' }).where('id', '=', w.enrolmentA).execute();
    }
  });
});
