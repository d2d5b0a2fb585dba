import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, signIn, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
});
afterAll(async () => t.close());

describe('groups', () => {
  it('shows a participant their group with pseudonyms only, never names or e-mail addresses', async () => {
    const session = await signIn(t, world.participantA);
    const response = await call(t.app, session, 'GET', `/api/groups/${world.groupA}`);
    expect(response.statusCode).toBe(200);
    const group = response.json();
    expect(group.members.map((m: { pseudonym: string }) => m.pseudonym).sort()).toEqual(['Cedar', 'Willow']);
    for (const member of group.members) expect(Object.keys(member).sort()).toEqual(['enrolmentId', 'pseudonym', 'status']);
    expect(response.body).not.toContain('Alice Private');
    expect(response.body).not.toContain('Aaron Private');
    expect(response.body).not.toContain('@test.hearth.local');
    expect(group.facilitators[0].displayName).toBe(world.clinicianA.displayName);
  });

  it('shows the facilitator names and pseudonyms, and audits the roster read', async () => {
    const session = await signIn(t, world.clinicianA);
    const group = (await call(t.app, session, 'GET', `/api/groups/${world.groupA}`)).json();
    expect(group.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['Aaron Private', 'Alice Private']);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'groups.roster.read')
      .where('actor_user_id', '=', world.clinicianA.id)
      .executeTakeFirst();
    expect(audit).toMatchObject({ resource_id: world.groupA, group_id: world.groupA, outcome: 'success' });
  });

  it('lists only my groups, with my role in each', async () => {
    const clinician = (await call(t.app, await signIn(t, world.clinicianB), 'GET', '/api/groups')).json();
    expect(clinician.groups).toEqual([expect.objectContaining({ id: world.groupB, myRole: 'lead', memberCount: 1 })]);
    const participant = (await call(t.app, await signIn(t, world.participantA), 'GET', '/api/groups')).json();
    expect(participant.groups).toEqual([expect.objectContaining({ id: world.groupA, myRole: 'member', memberCount: 2 })]);
    const admin = (await call(t.app, await signIn(t, world.admin), 'GET', '/api/groups')).json();
    expect(admin.groups.map((g: { id: string }) => g.id).sort()).toEqual([world.groupA, world.groupB].sort());
  });

  it('takes a withdrawn member out of the group at once', async () => {
    const session = await signIn(t, world.participantA2);
    expect((await call(t.app, session, 'GET', `/api/groups/${world.groupA}`)).statusCode).toBe(200);
    await t.database.db.updateTable('enrolments').set({ status: 'withdrawn' }).where('participant_id', '=', world.participantA2.id).execute();
    expect((await call(t.app, session, 'GET', `/api/groups/${world.groupA}`)).statusCode).toBe(404);
    expect((await call(t.app, session, 'GET', '/api/groups')).json().groups).toEqual([]);
  });
});
