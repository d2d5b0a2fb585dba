import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { addAgreementVersion } from '../programmes/repository.js';

let t: TestApp;
let world: World;
let lead: Session;
let referrer: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  await addAgreementVersion(t.database.db, world.programmeId, 'Version one of our agreement: confidentiality, respect, no recording.', null, t.clock.now());
  lead = await signIn(t, world.clinicianA);
  // A clinician from elsewhere in the service refers into group A.
  referrer = await signIn(t, world.clinicianB);
});
afterAll(async () => t.close());

async function refer(name: string) {
  const response = await call(t.app, referrer, 'POST', '/api/referrals', {
    groupId: world.groupA,
    personName: name,
    personEmail: `${name.toLowerCase().replace(/\W/g, '.')}@example.org`,
    reason: 'Isolation and low mood; would value peer support.',
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; status: string };
}

describe('referral → intake → waitlist → offer → invitation → agreement → active', () => {
  it('walks the whole pathway', async () => {
    const referral = await refer('Robin Path');
    expect(referral.status).toBe('referred');
    // The referrer follows the referral but cannot move it along.
    expect((await call(t.app, referrer, 'GET', `/api/referrals/${referral.id}`)).statusCode).toBe(200);
    expect((await call(t.app, referrer, 'POST', `/api/referrals/${referral.id}/intake`, { suitable: true, notes: 'x' })).statusCode).toBe(404);

    const screened = await call(t.app, lead, 'POST', `/api/referrals/${referral.id}/intake`, { suitable: true, notes: 'Suitable; evenings work.' });
    expect(screened.json()).toMatchObject({ status: 'waitlisted', suitability: 'suitable', waitlistPosition: 1 });
    const offered = await call(t.app, lead, 'POST', `/api/referrals/${referral.id}/offer`, { expiresInDays: 7 });
    expect(offered.json().status).toBe('offered');

    const accepted = await call(t.app, lead, 'POST', `/api/referrals/${referral.id}/response`, { accept: true, pseudonym: 'Kestrel' });
    expect(accepted.statusCode).toBe(200);
    const { enrolmentId, inviteUrl } = accepted.json();
    expect(inviteUrl).toMatch(/\/invite#token=/);
    const token = String(inviteUrl).split('#token=')[1];
    expect((await call(t.app, null, 'POST', '/api/auth/invitations/accept', { token, password: 'kestrels hover high' })).statusCode).toBe(204);
    const participant = await signIn(t, { email: 'robin.path@example.org' }, 'kestrels hover high');

    const mine = (await call(t.app, participant, 'GET', '/api/me/enrolments')).json().enrolments;
    expect(mine).toEqual([expect.objectContaining({ id: enrolmentId, status: 'invited', pseudonym: 'Kestrel', agreementVersion: null, currentAgreementVersion: 1 })]);
    // Invited members do not see the group space yet, but can read the agreement.
    const agreement = (await call(t.app, participant, 'GET', `/api/enrolments/${enrolmentId}/agreement`)).json();
    expect(agreement.agreement.version).toBe(1);
    // A new version is published before they accept: the old one is refused.
    await addAgreementVersion(t.database.db, world.programmeId, 'Version two of our agreement, with monitoring spelled out clearly.', null, t.clock.now());
    const outdated = await call(t.app, participant, 'POST', `/api/enrolments/${enrolmentId}/agreement`, { version: 1 });
    expect(outdated.statusCode).toBe(409);
    expect(outdated.json().error.code).toBe('agreement_outdated');
    // The programme asks for a PHQ-9 at joining: it is due on the new member's home at once —
    // though the home looked at their questionnaires a moment ago, before they joined (it looks
    // again only every few minutes).
    expect((await call(t.app, participant, 'GET', '/api/me/this-week')).json().dueCheckins).toEqual([]);
    await t.database.db
      .insertInto('measure_schedules')
      .values({
        id: crypto.randomUUID(),
        programme_id: world.programmeId,
        group_id: null,
        instrument_code: 'phq-9',
        trigger: 'enrolment',
        every_n: null,
        created_by: null,
        created_at: t.clock.now().toISOString(),
      })
      .execute();
    expect((await call(t.app, participant, 'POST', `/api/enrolments/${enrolmentId}/agreement`, { version: 2 })).statusCode).toBe(204);
    const week = (await call(t.app, participant, 'GET', '/api/me/this-week')).json();
    expect(week.dueCheckins).toEqual([expect.objectContaining({ code: 'phq-9', reason: 'enrolment' })]);
    const after = (await call(t.app, participant, 'GET', '/api/me/enrolments')).json().enrolments[0];
    expect(after).toMatchObject({ status: 'active', agreementVersion: 2 });
    expect(after.agreementAcceptedAt).toBeTruthy();
    const stored = await t.database.db.selectFrom('agreement_acceptances').selectAll().where('enrolment_id', '=', enrolmentId).execute();
    expect(stored.map((s) => s.version)).toEqual([2]);

    const record = (await call(t.app, referrer, 'GET', `/api/enrolments/${enrolmentId}/record`)).json();
    expect(record.referral).toMatchObject({ status: 'enrolled', intakeNotes: 'Suitable; evenings work.' });
    expect(record.person.displayName).toBe('Robin Path');
  });

  it('keeps the waitlist in order and needs a reason to skip the head', async () => {
    const first = await refer('First Waiting');
    const second = await refer('Second Waiting');
    await call(t.app, lead, 'POST', `/api/referrals/${first.id}/intake`, { suitable: true, notes: 'ok' });
    await call(t.app, lead, 'POST', `/api/referrals/${second.id}/intake`, { suitable: true, notes: 'ok' });
    const list = (await call(t.app, lead, 'GET', `/api/groups/${world.groupA}/referrals`)).json().referrals;
    const positions = Object.fromEntries(
      list.filter((r: { waitlistPosition: number | null }) => r.waitlistPosition).map((r: { personName: string; waitlistPosition: number }) => [r.personName, r.waitlistPosition]),
    );
    expect(positions['First Waiting']).toBeLessThan(positions['Second Waiting']);
    // The referrer's own list shows the same places in the queue.
    const mine = (await call(t.app, referrer, 'GET', '/api/referrals/mine')).json().referrals;
    const minePositions = Object.fromEntries(
      mine.filter((r: { waitlistPosition: number | null }) => r.waitlistPosition).map((r: { personName: string; waitlistPosition: number }) => [r.personName, r.waitlistPosition]),
    );
    expect(minePositions['First Waiting']).toBe(positions['First Waiting']);
    expect(minePositions['Second Waiting']).toBe(positions['Second Waiting']);
    const skip = await call(t.app, lead, 'POST', `/api/referrals/${second.id}/offer`, {});
    expect(skip.statusCode).toBe(400);
    expect(skip.json().error.details[0].path).toBe('body.skipReason');
    expect((await call(t.app, lead, 'POST', `/api/referrals/${second.id}/offer`, { skipReason: 'First is travelling until spring.' })).statusCode).toBe(200);
  });

  it('refuses an offer past capacity and a pseudonym already used in the group', async () => {
    await call(t.app, lead, 'PATCH', `/api/groups/${world.groupA}`, { capacity: 3, minSize: 2 });
    const full = await refer('Over Capacity');
    await call(t.app, lead, 'POST', `/api/referrals/${full.id}/intake`, { suitable: true, notes: 'ok', priority: 10 });
    const refused = await call(t.app, lead, 'POST', `/api/referrals/${full.id}/offer`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('group_full');
    const unchanged = (await call(t.app, lead, 'GET', `/api/referrals/${full.id}`)).json();
    expect(unchanged.status).toBe('waitlisted');

    await call(t.app, lead, 'PATCH', `/api/groups/${world.groupA}`, { capacity: 12 });
    await call(t.app, lead, 'POST', `/api/referrals/${full.id}/offer`, {});
    const clash = await call(t.app, lead, 'POST', `/api/referrals/${full.id}/response`, { accept: true, pseudonym: 'willow' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('pseudonym_taken');
    const invisible = await call(t.app, lead, 'POST', `/api/referrals/${full.id}/response`, { accept: true, pseudonym: 'Wil\u200Blow' });
    expect(invisible.json().error.code).toBe('pseudonym_taken');
    const users = await t.database.db.selectFrom('users').select('id').where('email', '=', 'over.capacity@example.org').execute();
    expect(users).toEqual([]);
  });

  it('expires an offer after its deadline and records a decline with its reason', async () => {
    const late = await refer('Late Answer');
    await call(t.app, lead, 'POST', `/api/referrals/${late.id}/intake`, { suitable: true, notes: 'ok', priority: 9 });
    await call(t.app, lead, 'POST', `/api/referrals/${late.id}/offer`, { expiresInDays: 1 });
    t.clock.advance(2 * 86_400_000);
    lead = await signIn(t, world.clinicianA);
    referrer = await signIn(t, world.clinicianB);
    expect((await call(t.app, lead, 'GET', `/api/referrals/${late.id}`)).json().status).toBe('expired');
    const tooLate = await call(t.app, lead, 'POST', `/api/referrals/${late.id}/response`, { accept: true, pseudonym: 'Latecomer' });
    expect(tooLate.json().error.code).toBe('offer_expired');
    expect((await call(t.app, lead, 'POST', `/api/referrals/${late.id}/offer`, { skipReason: 're-offer' })).statusCode).toBe(200);
    const declined = await call(t.app, lead, 'POST', `/api/referrals/${late.id}/response`, { accept: false, reason: 'Shift work clashes with Tuesdays.' });
    expect(declined.json().referral).toMatchObject({ status: 'declined', outcomeReason: 'Shift work clashes with Tuesdays.' });
  });

  it('pauses, resumes and withdraws with reasons; a withdrawn member loses the group at once', async () => {
    const member = await signIn(t, world.participantA2);
    const enrolment = (await call(t.app, member, 'GET', '/api/me/enrolments')).json().enrolments[0].id;
    expect((await call(t.app, lead, 'POST', `/api/enrolments/${enrolment}/status`, { status: 'paused', reason: 'Hospital stay' })).statusCode).toBe(204);
    expect((await call(t.app, lead, 'POST', `/api/enrolments/${enrolment}/status`, { status: 'active', reason: 'Back' })).statusCode).toBe(204);
    expect((await call(t.app, member, 'POST', `/api/enrolments/${enrolment}/status`, { status: 'withdrawn', reason: 'self' })).statusCode).toBe(403);
    expect((await call(t.app, lead, 'POST', `/api/enrolments/${enrolment}/status`, { status: 'withdrawn', reason: 'Moved away' })).statusCode).toBe(204);
    expect((await call(t.app, member, 'GET', `/api/groups/${world.groupA}`)).statusCode).toBe(404);
    const back = await call(t.app, lead, 'POST', `/api/enrolments/${enrolment}/status`, { status: 'active', reason: 'oops' });
    expect(back.json().error.code).toBe('invalid_state');
  });

  it('lets only the member accept the agreement, and nobody outside see the referral', async () => {
    const other = await signIn(t, await createUser(t, 'clinician'));
    const referral = await refer('Private Person');
    expect((await call(t.app, other, 'GET', `/api/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await call(t.app, lead, 'POST', `/api/enrolments/${world.enrolmentA}/agreement`, { version: 2 })).statusCode).toBe(403);
    const participantB = await signIn(t, world.participantB);
    expect((await call(t.app, participantB, 'POST', `/api/enrolments/${world.enrolmentA}/agreement`, { version: 2 })).statusCode).toBe(404);
  });
});

describe('referral names', () => {
  it('strips bidirectional controls and zero-width characters from the referred person\u2019s name', async () => {
    const response = await call(t.app, referrer, 'POST', '/api/referrals', {
      groupId: world.groupA,
      personName: '\u202ERobin\u200B \u2067Bidi\u2069',
      personEmail: 'robin.bidi@example.org',
      reason: 'Isolation and low mood; would value peer support.',
    });
    expect(response.statusCode, response.body).toBe(201);
    const row = await t.database.db
      .selectFrom('referrals')
      .select('person_name')
      .where('id', '=', (response.json() as { id: string }).id)
      .executeTakeFirstOrThrow();
    expect(row.person_name).toBe('Robin Bidi');
  });
});
