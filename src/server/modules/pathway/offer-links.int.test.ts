import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUser, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

// Offers answered by the links in their e-mail (issue 16 item 1): no sign-in, once, before expiry.

let t: TestApp;
let world: World;
let lead: Session;
const SERVICE = 'Northfield Psychosis Service';

beforeAll(async () => {
  t = await createTestApp({ HEARTH_PUBLIC_URL: 'https://hearth.example.org', HEARTH_SERVICE_NAME: SERVICE });
  world = await createWorld(t);
  lead = await signIn(t, world.clinicianA);
});
afterAll(async () => t.close());

let counter = 0;
/** A referral to group A, screened and offered: returns it with the token of its e-mailed links. */
async function offered(options: { expiresInDays?: number; email?: string } = {}) {
  counter += 1;
  const email = options.email ?? `offer.person${counter}@example.org`;
  const referrer = await signIn(t, world.clinicianB);
  const referral = (
    await call(t.app, referrer, 'POST', '/api/referrals', { groupId: world.groupA, personName: `Offer Person ${counter}`, personEmail: email, reason: 'Would value a group.' })
  ).json() as { id: string };
  expect((await call(t.app, lead, 'POST', `/api/referrals/${referral.id}/intake`, { suitable: true, notes: 'ok', priority: 10 })).statusCode).toBe(200);
  expect((await call(t.app, lead, 'POST', `/api/referrals/${referral.id}/offer`, { expiresInDays: options.expiresInDays ?? 7 })).statusCode).toBe(200);
  const mail = await t.database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', email)
    .where('kind', '=', 'offer')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const token = /offer#token=([\w-]+)&answer=accept/.exec(mail.body_text)?.[1];
  expect(token).toBeDefined();
  return { referralId: referral.id, email, mail, token: token! };
}

const inspect = (token: string, session: Session | null = null) => call(t.app, session, 'POST', '/api/offer-links/inspect', { token });
const answer = (body: Record<string, unknown>, session: Session | null = null) => call(t.app, session, 'POST', '/api/offer-links/answer', body);
const referralStatus = async (id: string) => (await t.database.db.selectFrom('referrals').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('offers answered by link', () => {
  it('e-mails the offer with accept and decline links, quietly', async () => {
    const { mail, token } = await offered();
    expect(mail.subject).toBe('A place has been offered to you');
    expect(mail.body_text).toContain(`https://hearth.example.org/offer#token=${token}&answer=accept`);
    expect(mail.body_text).toContain(`https://hearth.example.org/offer#token=${token}&answer=decline`);
    expect(mail.body_html).toContain('Decline the place');
    const group = await t.database.db.selectFrom('therapy_groups').select('name').where('id', '=', world.groupA).executeTakeFirstOrThrow();
    for (const part of [mail.subject, mail.body_text, mail.body_html ?? '']) expect(part).not.toContain(group.name);
    expect(mail.subject).not.toContain(SERVICE);
    // Only the hash is stored.
    const links = await t.database.db.selectFrom('offer_links').selectAll().execute();
    expect(links.some((l) => l.token_hash === token)).toBe(false);
  });

  it('accepts without signing in: enrols the person, creates their account, e-mails and shows the set-password link; a second answer changes nothing', async () => {
    const { referralId, email, token } = await offered();
    const info = await inspect(token);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ state: 'open', serviceName: SERVICE });
    const accepted = await answer({ token, accept: true, pseudonym: 'Heron' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ answer: 'accepted', mail: 'outbox' });
    expect(accepted.json().inviteUrl).toMatch(/^https:\/\/hearth\.example\.org\/invite#token=/);
    expect(await referralStatus(referralId)).toBe('enrolled');
    const invitation = await t.database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).where('kind', '=', 'invitation').execute();
    expect(invitation).toHaveLength(1);
    expect(invitation[0]!.body_text).toContain(accepted.json().inviteUrl);

    const twice = await answer({ token, accept: false });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('offer_link_used');
    expect((await inspect(token)).json().state).toBe('accepted');
    expect(await referralStatus(referralId)).toBe('enrolled');
    const enrolments = await t.database.db.selectFrom('enrolments').select('id').where('referral_id', '=', referralId).execute();
    expect(enrolments).toHaveLength(1);
  });

  it('declines from the link, with or without a reason', async () => {
    const { referralId, token } = await offered();
    const declined = await answer({ token, accept: false });
    expect(declined.json()).toEqual({ answer: 'declined', inviteUrl: null, mail: null });
    const row = await t.database.db.selectFrom('referrals').select(['status', 'outcome_reason']).where('id', '=', referralId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'declined', outcome_reason: 'Declined through the link in the offer e-mail.' });
    expect((await answer({ token, accept: true, pseudonym: 'Late Change' })).json().error.code).toBe('offer_link_used');
  });

  it('after expiry shows the offer as expired and refuses an answer, changing nothing', async () => {
    const { referralId, token } = await offered({ expiresInDays: 1 });
    t.clock.advance(2 * 86_400_000);
    try {
      expect((await inspect(token)).json().state).toBe('expired');
      const late = await answer({ token, accept: true, pseudonym: 'Latecomer' });
      expect(late.statusCode).toBe(422);
      expect(late.json().error.code).toBe('offer_expired');
      expect(await t.database.db.selectFrom('enrolments').select('id').where('referral_id', '=', referralId).execute()).toEqual([]);
      expect(await t.database.db.selectFrom('offer_links').select('used_at').where('referral_id', '=', referralId).executeTakeFirstOrThrow()).toEqual({ used_at: null });
    } finally {
      t.clock.advance(-2 * 86_400_000);
      lead = await signIn(t, world.clinicianA);
    }
  });

  it('refuses forged and replaced links with a stable code', async () => {
    const forged = await inspect('x'.repeat(43));
    expect(forged.statusCode).toBe(404);
    expect(forged.json().error.code).toBe('offer_link_invalid');
    expect((await answer({ token: 'y'.repeat(43), accept: false })).json().error.code).toBe('offer_link_invalid');
    expect((await answer({ token: 'short', accept: false })).statusCode).toBe(400);
    expect((await answer({ token: 'z'.repeat(43), accept: true })).statusCode).toBe(400);
    // A re-offer after expiry sends a new link; the old one no longer answers.
    const { referralId, token } = await offered({ expiresInDays: 1 });
    t.clock.advance(2 * 86_400_000);
    lead = await signIn(t, world.clinicianA);
    try {
      expect((await call(t.app, lead, 'POST', `/api/referrals/${referralId}/offer`, { skipReason: 'Offered again' })).statusCode).toBe(200);
      expect((await inspect(token)).json().state).toBe('closed');
      expect((await answer({ token, accept: false })).json().error.code).toBe('offer_link_invalid');
      expect(await referralStatus(referralId)).toBe('offered');
    } finally {
      t.clock.advance(-2 * 86_400_000);
      lead = await signIn(t, world.clinicianA);
    }
  });

  it('refuses a signed-in person who is not the one offered the place (403), and lets the person themselves answer', async () => {
    const someoneElse = await signIn(t, world.participantA);
    const { referralId, token } = await offered();
    const refused = await answer({ token, accept: false }, someoneElse);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('offer_wrong_person');
    expect((await inspect(token, someoneElse)).json().error.code).toBe('offer_wrong_person');
    expect(await referralStatus(referralId)).toBe('offered');
    // An existing participant, offered a place at their own address, answers while signed in.
    const existing = await createUser(t, 'participant');
    const own = await offered({ email: existing.email });
    const mine = await answer({ token: own.token, accept: true, pseudonym: 'Wren' }, await signIn(t, existing));
    expect(mine.json()).toEqual({ answer: 'accepted', inviteUrl: null, mail: null });
    await answer({ token, accept: false });
  });
});
