import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createUser, createWorld, signIn, type Session, type World, signInAll } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let world: World;
let alice: Session;
let aaron: Session;
let clinA: Session;
let clinB: Session;
let admin: Session;

const plan = (baseVersion: number, extra: Record<string, unknown> = {}) => ({
  baseVersion,
  warningSigns: ['Staying in bed all day', 'Not answering messages'],
  copingSteps: ['Box breathing', 'A walk round the park'],
  distractions: ['The library café'],
  helpContacts: [{ name: 'My sister Jo', contact: '07700 900123' }],
  professionals: [{ name: 'Community mental health team', contact: '020 7946 0958' }],
  safeEnvironment: ['Ask Jo to keep my tablets'],
  reasonsForLiving: ['My cat'],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  [alice, aaron, clinA, clinB, admin] = await signInAll(t, [world.participantA, world.participantA2, world.clinicianA, world.clinicianB, world.admin]);
});
afterAll(async () => t?.close());

describe('safety plans', () => {
  it('start empty with the crisis line; the participant writes their own (private contacts are fine)', async () => {
    const empty = await call(t.app, alice, 'GET', '/api/safety-plan');
    expect(empty.json()).toEqual({ participantId: world.participantA.id, plan: null, crisisLine: expect.any(String) });
    const saved = await call(t.app, alice, 'PUT', '/api/safety-plan', plan(0));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      participantId: world.participantA.id,
      helpContacts: [{ name: 'My sister Jo', contact: '07700 900123' }],
      updatedBy: { role: 'participant' },
    });
  });

  it('are edited with the clinician of the group, with 409 and the saved plan when stale', async () => {
    const read = await call(t.app, clinA, 'GET', `/api/participants/${world.participantA.id}/safety-plan`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ plan: { version: 1 }, participantName: 'Alice Private' });
    expect((await call(t.app, clinA, 'GET', `/api/enrolments/${world.enrolmentA}/safety-plan`)).json()).toMatchObject({
      participantId: world.participantA.id,
      plan: { version: 1 },
    });
    expect((await call(t.app, clinB, 'GET', `/api/enrolments/${world.enrolmentA}/safety-plan`)).statusCode).toBe(404);
    const edit = await call(t.app, clinA, 'PUT', `/api/participants/${world.participantA.id}/safety-plan`, plan(1, { copingSteps: ['Box breathing', 'Call Jo'] }));
    expect(edit.json()).toMatchObject({ version: 2, copingSteps: ['Box breathing', 'Call Jo'], updatedBy: { role: 'clinician' } });
    const stale = await call(t.app, alice, 'PUT', '/api/safety-plan', plan(1, { warningSigns: ['Mine, typed meanwhile'] }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale_version', current: { version: 2, copingSteps: ['Box breathing', 'Call Jo'] } });
    expect((await call(t.app, alice, 'GET', '/api/safety-plan')).json().plan.warningSigns).toEqual(plan(0).warningSigns);
    expect((await call(t.app, alice, 'PUT', '/api/safety-plan', plan(0))).statusCode).toBe(409);
  });

  it('are read by the referring clinician, never by peers, other clinicians or admins', async () => {
    // Participant B was referred by clinician B into group B: a new clinician who referred them too reaches the plan.
    const referrer = await createUser(t, 'clinician');
    await t.database.db
      .insertInto('referrals')
      .values({
        id: newId(),
        group_id: world.groupA,
        person_name: 'Bea',
        person_email: `bea.${newId()}@test.hearth.local`,
        participant_id: world.participantB.id,
        referred_by: referrer.id,
        reason: 'Isolation',
        status: 'enrolled',
        created_at: t.clock.now().toISOString(),
        updated_at: t.clock.now().toISOString(),
      })
      .execute();
    const referrerSession = await signIn(t, referrer);
    expect((await call(t.app, referrerSession, 'GET', `/api/participants/${world.participantB.id}/safety-plan`)).statusCode).toBe(200);
    expect((await call(t.app, clinB, 'GET', `/api/participants/${world.participantB.id}/safety-plan`)).statusCode).toBe(200);
    expect((await call(t.app, referrerSession, 'GET', `/api/participants/${world.participantA.id}/safety-plan`)).statusCode).toBe(404);
    // A peer in the same group, the clinician of another group: 404. Admins: 403.
    expect((await call(t.app, aaron, 'GET', `/api/participants/${world.participantA.id}/safety-plan`)).statusCode).toBe(404);
    expect((await call(t.app, aaron, 'PUT', `/api/participants/${world.participantA.id}/safety-plan`, plan(2))).statusCode).toBe(404);
    expect((await call(t.app, clinB, 'GET', `/api/participants/${world.participantA.id}/safety-plan`)).statusCode).toBe(404);
    expect((await call(t.app, admin, 'GET', `/api/participants/${world.participantA.id}/safety-plan`)).statusCode).toBe(403);
    expect((await call(t.app, admin, 'GET', '/api/safety-plan')).statusCode).toBe(403);
    expect((await call(t.app, clinA, 'GET', '/api/safety-plan')).json().error.code).toBe('invalid_state');
    // A staff account is not a participant: 404.
    expect((await call(t.app, clinA, 'GET', `/api/participants/${world.clinicianB.id}/safety-plan`)).statusCode).toBe(404);
  });

  it('audit every read and save, and refuse bad input with clear errors', async () => {
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id'])
      .where('action', 'in', ['safety_plans.read', 'safety_plans.save'])
      .where('outcome', '=', 'success')
      .execute();
    expect(audit.filter((a) => a.action === 'safety_plans.read').map((a) => a.actor_user_id)).toEqual(expect.arrayContaining([world.participantA.id, world.clinicianA.id]));
    expect(audit.filter((a) => a.action === 'safety_plans.save')).toHaveLength(2);
    const tooMany = await call(t.app, alice, 'PUT', '/api/safety-plan', plan(2, { copingSteps: Array.from({ length: 21 }, (_, i) => `Step ${i}`) }));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.code).toBe('validation_failed');
    expect((await call(t.app, alice, 'PUT', '/api/safety-plan', plan(2, { warningSigns: ['x'.repeat(301)] }))).statusCode).toBe(400);
    expect((await call(t.app, alice, 'PUT', '/api/safety-plan', plan(2, { extra: true }))).statusCode).toBe(400);
    const markup = await call(t.app, alice, 'PUT', '/api/safety-plan', plan(2, { reasonsForLiving: ['<b>My cat</b>'] }));
    expect(markup.json().reasonsForLiving).toEqual(['<b>My cat</b>']);
  });
});
