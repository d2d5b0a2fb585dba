import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, createWorld, signIn, type Session, type World, signInAll } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let world: World;
let alice: Session;
let aaron: Session;
let clinA: Session;
let clinB: Session;
let admin: Session;

const url = (userId: string) => `/api/participants/${userId}/contact`;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  [alice, aaron, clinA, clinB, admin] = await signInAll(t, [world.participantA, world.participantA2, world.clinicianA, world.clinicianB, world.admin]);
});
afterAll(async () => t?.close());

async function contactRows(participantId: string) {
  return t.database.db.selectFrom('participant_contacts').selectAll().where('participant_id', '=', participantId).execute();
}

describe('contact details: the member', () => {
  it('start empty, and the member writes their phones, preferences and emergency contact (normalised to E.164)', async () => {
    const empty = await call(t.app, alice, 'GET', url(world.participantA.id));
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ participantId: world.participantA.id, mobilePhone: null, updatedAt: null, emergencyContact: { consent: null } });
    const saved = await call(t.app, alice, 'PATCH', url(world.participantA.id), {
      mobilePhone: '07700 900123',
      homePhone: '01632 960001',
      preferredMethod: 'sms',
      preferredTimes: 'Weekday mornings',
      emergencyName: 'Jo Private',
      emergencyRelation: 'Sister',
      emergencyPhone: '+44 7700 900456',
      emergencyConsent: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = saved.json();
    expect(body).toMatchObject({
      mobilePhone: { e164: '+447700900123', display: '07700 900123' },
      homePhone: { e164: '+441632960001', display: '01632 960001' },
      preferredMethod: 'sms',
      preferredTimes: 'Weekday mornings',
      emergencyContact: {
        name: 'Jo Private',
        relation: 'Sister',
        phone: { e164: '+447700900456', display: '07700 900456' },
        consent: true,
        consentRecordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      updatedBy: { role: 'participant' },
    });
    // The clinicians' note on contact risks is not the member's to read.
    expect(body).not.toHaveProperty('contactRiskNote');
    const [row] = await contactRows(world.participantA.id);
    expect(row).toMatchObject({ mobile_phone: '+447700900123', emergency_consent: 1 });
  });

  it('refuses clinician-only fields from the member with 403, and stores nothing of that change', async () => {
    for (const change of [{ gpPractice: 'Riverside Surgery' }, { contactRiskNote: 'Mine' }, { mobilePhone: '07700 900999', gpPhone: '01632 960555' }]) {
      const refused = await call(t.app, alice, 'PATCH', url(world.participantA.id), change);
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().error.code).toBe('forbidden');
    }
    const [row] = await contactRows(world.participantA.id);
    expect(row).toMatchObject({ mobile_phone: '+447700900123', gp_practice: null, gp_phone: null, contact_risk_note: null });
  });

  it('keeps when consent was recorded, changing it only when the member changes their answer', async () => {
    const before = (await call(t.app, alice, 'GET', url(world.participantA.id))).json().emergencyContact.consentRecordedAt as string;
    t.clock.advance(60_000);
    const same = await call(t.app, alice, 'PATCH', url(world.participantA.id), { emergencyConsent: true, preferredTimes: 'Afternoons' });
    expect(same.json().emergencyContact.consentRecordedAt).toBe(before);
    t.clock.advance(60_000);
    const withdrawn = await call(t.app, alice, 'PATCH', url(world.participantA.id), { emergencyConsent: false });
    expect(withdrawn.json().emergencyContact).toMatchObject({ consent: false, consentRecordedAt: expect.stringMatching(/^\d{4}-/) });
    expect(withdrawn.json().emergencyContact.consentRecordedAt > before).toBe(true);
  });
});

describe('contact details: clinicians, peers and admins', () => {
  it('are read and edited by the member’s own clinician (GP, risk note); consent stays the member’s', async () => {
    const read = await call(t.app, clinA, 'GET', url(world.participantA.id));
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ mobilePhone: { e164: '+447700900123' }, contactRiskNote: null });
    const edit = await call(t.app, clinA, 'PATCH', url(world.participantA.id), {
      gpPractice: 'Riverside Surgery',
      gpName: 'Dr Ada Example',
      gpPhone: '01632 960777',
      gpAddress: '1 River Lane, Exampletown',
      contactRiskNote: 'Do not leave voicemail on the home number.',
      homePhone: null,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({
      gp: { practiceName: 'Riverside Surgery', name: 'Dr Ada Example', phone: { display: '01632 960777' } },
      homePhone: null,
      contactRiskNote: 'Do not leave voicemail on the home number.',
      updatedBy: { role: 'clinician' },
    });
    const consent = await call(t.app, clinA, 'PATCH', url(world.participantA.id), { emergencyConsent: true });
    expect(consent.statusCode).toBe(403);
    // The member sees their GP details, never the risk note.
    const mine = (await call(t.app, alice, 'GET', url(world.participantA.id))).json();
    expect(mine.gp.practiceName).toBe('Riverside Surgery');
    expect(mine).not.toHaveProperty('contactRiskNote');
    expect(mine.emergencyContact.consent).toBe(false);
  });

  it('are 404 to a peer in the same group, to the clinician of another group and for staff ids; 403 to admins (role denied, as for records)', async () => {
    for (const [session, method] of [
      [aaron, 'GET'],
      [aaron, 'PATCH'],
      [clinB, 'GET'],
      [clinB, 'PATCH'],
    ] as const) {
      const response = await call(t.app, session, method, url(world.participantA.id), method === 'PATCH' ? { mobilePhone: '07700 900001' } : undefined);
      expect(response.statusCode, `${session.role} ${method}`).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    expect((await call(t.app, clinA, 'GET', url(world.clinicianB.id))).statusCode).toBe(404);
    expect((await call(t.app, alice, 'GET', url(world.participantB.id))).statusCode).toBe(404);
    for (const method of ['GET', 'PATCH'] as const) {
      const response = await call(t.app, admin, method, url(world.participantA.id), method === 'PATCH' ? {} : undefined);
      expect(response.statusCode).toBe(403);
    }
    const [row] = await contactRows(world.participantA.id);
    expect(row?.mobile_phone).toBe('+447700900123');
  });

  it('leave an audit row for every read, with who read and how', async () => {
    const reads = () =>
      t.database.db.selectFrom('audit_events').select(['actor_user_id', 'resource_id', 'detail']).where('action', '=', 'contacts.read').where('outcome', '=', 'success').execute();
    const before = (await reads()).length;
    await call(t.app, clinA, 'GET', url(world.participantA.id));
    await call(t.app, alice, 'GET', url(world.participantA.id));
    const after = await reads();
    expect(after).toHaveLength(before + 2);
    expect(
      after
        .slice(-2)
        .map((r) => r.actor_user_id)
        .sort(),
    ).toEqual([world.clinicianA.id, world.participantA.id].sort());
    expect(after.every((r) => r.resource_id === world.participantA.id)).toBe(true);
    const writes = await t.database.db.selectFrom('audit_events').select(['detail']).where('action', '=', 'contacts.update').execute();
    expect(writes.length).toBeGreaterThanOrEqual(4);
    // Field names, never the numbers themselves.
    expect(writes.map((w) => w.detail ?? '').join()).not.toContain('7700');
  });
});

describe('contact details: phone numbers', () => {
  it('refuses a US number written without +1 in a GB service, naming the field, and accepts it with +1', async () => {
    const refused = await call(t.app, alice, 'PATCH', url(world.participantA.id), { mobilePhone: '(415) 555-2671' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'invalid_phone', details: [{ path: 'body.mobilePhone' }] });
    expect(refused.json().error.message).toMatch(/^The mobile number is not a valid phone number for GB/);
    const international = await call(t.app, alice, 'PATCH', url(world.participantA.id), { emergencyPhone: '+1 201 555 0123' });
    expect(international.json().emergencyContact.phone).toEqual({ e164: '+12015550123', display: '+1 201 555 0123' });
    const badInternational = await call(t.app, alice, 'PATCH', url(world.participantA.id), { emergencyPhone: '+1 999 555 0123' });
    expect(badInternational.statusCode).toBe(422);
  });

  it('refuses garbage, and writes nothing when one field of a change is bad', async () => {
    const before = await contactRows(world.participantA.id);
    const refused = await call(t.app, alice, 'PATCH', url(world.participantA.id), {
      mobilePhone: '07700 900321',
      homePhone: 'call my mum',
      preferredTimes: 'Never',
      emergencyPhone: '12',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('invalid_phone');
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.homePhone', 'body.emergencyPhone']);
    expect(refused.json().error.message).toContain('The home number and the emergency contact’s number are not valid');
    expect(await contactRows(world.participantA.id)).toEqual(before);
  });

  it('reads numbers as the configured country’s (HEARTH_SERVICE_COUNTRY)', async () => {
    const us = await createTestApp({ HEARTH_SERVICE_COUNTRY: 'US' });
    try {
      const usWorld = await createWorld(us);
      const member = await signIn(us, usWorld.participantA);
      const saved = await call(us.app, member, 'PATCH', url(usWorld.participantA.id), { mobilePhone: '(201) 555-0123', homePhone: '+44 20 7946 0958' });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ mobilePhone: { e164: '+12015550123', display: '(201) 555-0123' }, homePhone: { e164: '+442079460958', display: '+44 20 7946 0958' } });
      expect((await call(us.app, member, 'PATCH', url(usWorld.participantA.id), { mobilePhone: '020 7946 0958' })).statusCode).toBe(422);
    } finally {
      await us.close();
    }
  });
});

describe('contact details on the alert card', () => {
  it('go with an alert to the member’s own clinicians, audited; not to a backup clinician outside their care', async () => {
    await call(t.app, clinB, 'PATCH', url(world.participantB.id), { mobilePhone: '07700 900777', preferredMethod: 'phone', preferredTimes: 'After 5pm' });
    const alertUrl = `/api/alerts/${world.alertB}/contact`;
    const own = await call(t.app, clinB, 'GET', alertUrl);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toEqual({
      contact: {
        participantId: world.participantB.id,
        mobilePhone: { e164: '+447700900777', display: '07700 900777' },
        homePhone: null,
        preferredMethod: 'phone',
        preferredTimes: 'After 5pm',
      },
    });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['resource_id', 'detail', 'outcome'])
      .where('action', '=', 'contacts.read')
      .where('actor_user_id', '=', world.clinicianB.id)
      .execute();
    expect(audit.some((a) => a.resource_id === world.participantB.id && (a.detail ?? '').includes('"via":"alert"') && a.outcome === 'success')).toBe(true);
    // Outside the alert's reach: 404 (clinician of another group), 403 (participants have no alerts).
    expect((await call(t.app, clinA, 'GET', alertUrl)).statusCode).toBe(404);
    expect((await call(t.app, alice, 'GET', alertUrl)).statusCode).toBe(403);
    // Escalated to clinician A as the backup: the alert, but not the member's number.
    await t.database.db.updateTable('alerts').set({ escalated_to: world.clinicianA.id }).where('id', '=', world.alertB).execute();
    const backup = await call(t.app, clinA, 'GET', alertUrl);
    expect(backup.statusCode).toBe(200);
    expect(backup.json()).toEqual({});
    await t.database.db.updateTable('alerts').set({ escalated_to: null }).where('id', '=', world.alertB).execute();
  });
});

describe('contact details entered at referral and intake', () => {
  it('flow through to the record once the person accepts a place; a bad number refuses the whole referral', async () => {
    const personEmail = 'rowan.reach@example.org';
    const badReferral = await call(t.app, clinB, 'POST', '/api/referrals', {
      groupId: world.groupA,
      personName: 'Rowan Reach',
      personEmail,
      reason: 'Isolation.',
      contact: { mobilePhone: '(415) 555-2671' },
    });
    expect(badReferral.statusCode).toBe(422);
    expect(await t.database.db.selectFrom('referrals').select('id').where('person_email', '=', personEmail).execute()).toEqual([]);
    const referral = await call(t.app, clinB, 'POST', '/api/referrals', {
      groupId: world.groupA,
      personName: 'Rowan Reach',
      personEmail,
      reason: 'Isolation.',
      contact: { mobilePhone: '07700 900888', preferredMethod: 'phone', gpPractice: 'Hillside Practice', gpPhone: '01632 960123' },
    });
    expect(referral.statusCode, referral.body).toBe(201);
    const referralId = referral.json().id as string;
    // Before the person has an account, the group's facilitators and the referrer read what was taken at referral.
    const taken = await call(t.app, clinA, 'GET', `/api/referrals/${referralId}/contact`);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({
      participantId: null,
      mobilePhone: { e164: '+447700900888', display: '07700 900888' },
      gp: { practiceName: 'Hillside Practice' },
      contactRiskNote: null,
    });
    expect((await call(t.app, clinB, 'GET', `/api/referrals/${referralId}/contact`)).statusCode).toBe(200);
    const stranger = await signIn(t, await createUser(t, 'clinician'));
    expect((await call(t.app, stranger, 'GET', `/api/referrals/${referralId}/contact`)).statusCode).toBe(404);
    expect((await call(t.app, aaron, 'GET', `/api/referrals/${referralId}/contact`)).statusCode).toBe(404);
    expect((await call(t.app, admin, 'GET', `/api/referrals/${referralId}/contact`)).statusCode).toBe(403);
    const referralReads = await t.database.db
      .selectFrom('audit_events')
      .select('actor_user_id')
      .where('action', '=', 'contacts.read')
      .where('resource_id', '=', referralId)
      .execute();
    expect(referralReads.map((r) => r.actor_user_id).sort()).toEqual([world.clinicianA.id, world.clinicianB.id].sort());
    expect((await call(t.app, clinA, 'POST', `/api/referrals/${referralId}/intake`, { suitable: true, notes: 'Suitable.', contact: { emergencyConsent: true } })).statusCode).toBe(
      403,
    );
    const intake = await call(t.app, clinA, 'POST', `/api/referrals/${referralId}/intake`, {
      suitable: true,
      notes: 'Suitable.',
      contact: { emergencyName: 'Sam Reach', emergencyRelation: 'Partner', emergencyPhone: '07700 900889' },
    });
    expect(intake.statusCode, intake.body).toBe(200);
    expect((await call(t.app, clinA, 'POST', `/api/referrals/${referralId}/offer`, { expiresInDays: 7 })).statusCode).toBe(200);
    const accepted = await call(t.app, clinA, 'POST', `/api/referrals/${referralId}/response`, { accept: true, pseudonym: 'Rowan' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const record = await call(t.app, clinA, 'GET', `/api/enrolments/${accepted.json().enrolmentId}/record`);
    const participantId = record.json().person.id as string;
    const details = await call(t.app, clinA, 'GET', url(participantId));
    expect(details.json()).toMatchObject({
      mobilePhone: { e164: '+447700900888' },
      preferredMethod: 'phone',
      emergencyContact: { name: 'Sam Reach', relation: 'Partner', phone: { e164: '+447700900889' }, consent: null },
      gp: { practiceName: 'Hillside Practice', phone: { e164: '+441632960123' } },
    });
    // The referrer follows the person they referred, as for safety plans.
    expect((await call(t.app, clinB, 'GET', url(participantId))).statusCode).toBe(200);
    const rows = await t.database.db.selectFrom('participant_contacts').select(['participant_id', 'referral_id']).where('participant_id', '=', participantId).execute();
    expect(rows).toEqual([{ participant_id: participantId, referral_id: null }]);
  });

  it('go straight to the record when the referred person already has an account', async () => {
    const bea = await createUser(t, 'participant', 'Bea Again');
    const referral = await call(t.app, clinA, 'POST', '/api/referrals', {
      groupId: world.groupA,
      personName: 'Bea Again',
      personEmail: bea.email,
      reason: 'Isolation.',
      contact: { homePhone: '020 7946 0001' },
    });
    expect(referral.statusCode, referral.body).toBe(201);
    expect((await contactRows(bea.id))[0]?.home_phone).toBe('+442079460001');
  });
});
