import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../seed/demo.js';
import { call, signIn } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.database.db, { ...t.config, nodeEnv: 'development' }, t.clock.now());
});
afterAll(async () => t?.close());

const demo = (email: string) => signIn(t, { email }, 'hearth-demo-2026');

describe('demo goals, practice and journal', () => {
  it('gives Willow goals with steps and check-ins, a celebrated step with peers’ reactions, and a shared practice', async () => {
    const willow = await demo('participant1@demo.hearth.local');
    const goals = (await call(t.app, willow, 'GET', '/api/me/goals')).json() as {
      goals: { visibility: string; checkins: unknown[]; milestones: { celebration: { reactions: { by: string[] }[] } | null }[] }[];
    };
    expect(goals.goals).toHaveLength(1);
    expect(goals.goals[0]?.checkins).toHaveLength(3);
    const card = goals.goals[0]?.milestones.find((m) => m.celebration)?.celebration;
    expect(card?.reactions.flatMap((r) => r.by).sort()).toEqual(['Cedar', 'Harbour', 'Juniper', 'Skylark']);
    const groups = (await call(t.app, willow, 'GET', '/api/groups')).json() as { groups: { id: string }[] };
    const feed = (await call(t.app, willow, 'GET', `/api/groups/${groups.groups[0]?.id}/shared`)).json() as { items: { kind: string; author: string }[] };
    expect(feed.items.map((i) => i.kind).sort()).toEqual(['celebration', 'celebration', 'goal', 'goal', 'skill_practice']);
    // Skylark's goal is private and Harbour's is for the clinicians: neither is in the group.
    expect(feed.items.map((i) => i.author)).not.toContain('Skylark');
    const journal = (await call(t.app, willow, 'GET', '/api/me/journal')).json() as { entries: { sharedWithClinicianAt: string | null }[] };
    expect(journal.entries.filter((e) => e.sharedWithClinicianAt)).toHaveLength(1);
  });

  it('shows Ada only what members shared with their clinicians', async () => {
    const ada = await demo('ada.clinician@demo.hearth.local');
    const enrolment = await t.database.db.selectFrom('enrolments').select('id').where('pseudonym', '=', 'Skylark').executeTakeFirstOrThrow();
    expect(((await call(t.app, ada, 'GET', `/api/enrolments/${enrolment.id}/goals`)).json() as { goals: unknown[] }).goals).toEqual([]);
    const harbour = await t.database.db.selectFrom('enrolments').select('id').where('pseudonym', '=', 'Harbour').executeTakeFirstOrThrow();
    expect(((await call(t.app, ada, 'GET', `/api/enrolments/${harbour.id}/goals`)).json() as { goals: unknown[] }).goals).toHaveLength(1);
  });
});
