import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../lib/ids.js';
import { ALERTS_CHANNEL } from '../realtime/events.js';
import { publish } from '../realtime/publish.js';
import { listen, SocketClient } from '../realtime/test-client.js';
import { call, createProgramme, createUser, signIn, type Session, type TestUser } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { alertResponsibles, answeredBy, responsiblesOf } from './alert-responsibles.js';

/*
 * One fixture in which every way of answering for an alert is the ONLY way for one clinician and
 * one alert, so removing any condition of the rule (or any narrowing inside it) changes an exact
 * set below. The same sets are then read back through the rule, the queue, the badge count, the
 * statistics, the object check and the socket hub: all six must agree.
 */
let t: TestApp;
const people: Record<'lead' | 'coFacilitator' | 'referrer' | 'duty' | 'escalatedTo' | 'otherGroup' | 'admin' | 'member', TestUser> = {} as never;
const alerts: Record<'inGroup' | 'referred' | 'sent' | 'escalated' | 'otherGroup' | 'nobody', string> = {} as never;
type Clinician = 'lead' | 'coFacilitator' | 'referrer' | 'duty' | 'escalatedTo' | 'otherGroup';
const CLINICIANS: readonly Clinician[] = ['lead', 'coFacilitator', 'referrer', 'duty', 'escalatedTo', 'otherGroup'];

/** Who answers for which alert: the whole truth of the fixture. */
const EXPECTED: Record<keyof typeof alerts, readonly Clinician[]> = {
  inGroup: ['lead', 'coFacilitator'],
  referred: ['referrer'],
  sent: ['duty'],
  escalated: ['escalatedTo'],
  otherGroup: ['otherGroup'],
  nobody: [],
};

const idsOf = (who: readonly Clinician[]) => who.map((w) => people[w].id).sort();
const alertsOf = (who: Clinician) =>
  (Object.keys(EXPECTED) as (keyof typeof alerts)[])
    .filter((a) => EXPECTED[a].includes(who))
    .map((a) => alerts[a])
    .sort();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const now = t.clock.now().toISOString();
  const later = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
  for (const role of CLINICIANS) people[role] = await createUser(t, 'clinician', role);
  people.admin = await createUser(t, 'admin');
  people.member = await createUser(t, 'participant');
  const other = await createUser(t, 'participant');
  const {
    groupIds: [group, otherGroup],
  } = await createProgramme(t, 'Programme', [
    {
      name: 'Group',
      facilitators: [
        { userId: people.lead.id, role: 'lead' },
        { userId: people.coFacilitator.id, role: 'co' },
      ],
    },
    { name: 'Other group', facilitators: [{ userId: people.otherGroup.id, role: 'lead' }] },
  ]);
  // The member's enrolment in the group came without a referral; the other person's in the other
  // group came from the referrer's referral.
  const referral = newId();
  await db
    .insertInto('referrals')
    .values({
      id: referral,
      group_id: otherGroup,
      person_name: 'Referred Person',
      person_email: `r.${newId()}@test.hearth.local`,
      participant_id: other.id,
      referred_by: people.referrer.id,
      reason: 'Isolation.',
      status: 'enrolled',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const [plain, referred, otherPlain] = [newId(), newId(), newId()];
  const enrolment = (id: string, groupId: string, participantId: string, referralId: string | null) => ({
    id,
    group_id: groupId,
    participant_id: participantId,
    pseudonym: `P${id.slice(0, 4)}`,
    status: 'active' as const,
    joined_at: now,
    left_at: null,
    created_at: now,
    referral_id: referralId,
  });
  const third = await createUser(t, 'participant');
  await db
    .insertInto('enrolments')
    .values([enrolment(plain, group, people.member.id, null), enrolment(referred, otherGroup, other.id, referral), enrolment(otherPlain, otherGroup, third.id, null)])
    .execute();
  const alert = (id: string, participantId: string, enrolmentId: string | null, groupId: string | null, escalatedTo: string | null = null) => ({
    id,
    kind: 'risk_language',
    tier: 'concern' as const,
    participant_id: participantId,
    enrolment_id: enrolmentId,
    group_id: groupId,
    source_type: 'fixture',
    source_id: id,
    summary: 'Fixture alert',
    status: 'open' as const,
    created_at: now,
    ack_due_at: later,
    next_escalation_at: null,
    escalated_to: escalatedTo,
    escalated_at: escalatedTo ? now : null,
  });
  for (const key of Object.keys(EXPECTED) as (keyof typeof alerts)[]) alerts[key] = newId();
  // Each alert reaches its clinicians one way only: the group (no enrolment, so no referrer), the
  // referral (no group), a recipient row, escalated_to alone, another group's facilitator, nobody.
  await db
    .insertInto('alerts')
    .values([
      alert(alerts.inGroup, people.member.id, plain, group),
      alert(alerts.referred, other.id, referred, null),
      alert(alerts.sent, people.member.id, null, null),
      alert(alerts.escalated, people.member.id, null, null, people.escalatedTo.id),
      alert(alerts.otherGroup, third.id, otherPlain, otherGroup),
      alert(alerts.nobody, people.member.id, null, null),
    ])
    .execute();
  await db.insertInto('alert_recipients').values({ alert_id: alerts.sent, user_id: people.duty.id, reason: 'duty', step: 0, added_at: now }).execute();
});

afterAll(async () => {
  await t?.close();
});

describe('alertResponsibles: who answers for an alert', () => {
  it('names, for each alert, exactly the clinicians who answer for it (who is told)', async () => {
    for (const [key, who] of Object.entries(EXPECTED)) {
      expect({ alert: key, who: await responsiblesOf(t.database.db, alerts[key as keyof typeof alerts]) }).toEqual({ alert: key, who: idsOf(who) });
    }
  });

  it('scopes, for each clinician, exactly the alerts they answer for (what they may see)', async () => {
    const db = t.database.db;
    for (const who of CLINICIANS) {
      const rows = await db.selectFrom('alerts as a').select('a.id').where(answeredBy(db, people[who].id)).execute();
      expect({ who, alerts: rows.map((r) => r.id).sort() }).toEqual({ who, alerts: alertsOf(who) });
    }
  });

  it('gives nobody else an alert: not an administrator, not a participant', async () => {
    const db = t.database.db;
    for (const outsider of [people.admin, people.member]) {
      expect(await alertResponsibles(db, { userId: outsider.id }).execute()).toEqual([]);
    }
  });

  it('narrows by alert and by clinician together (the object check’s question)', async () => {
    const db = t.database.db;
    const pair = async (alertId: string, userId: string) => (await alertResponsibles(db, { alertId, userId }).execute()).length;
    expect(await pair(alerts.inGroup, people.coFacilitator.id)).toBe(1);
    expect(await pair(alerts.inGroup, people.otherGroup.id)).toBe(0);
    expect(await pair(alerts.referred, people.referrer.id)).toBe(1);
    expect(await pair(alerts.sent, people.referrer.id)).toBe(0);
    expect(await pair(alerts.escalated, people.escalatedTo.id)).toBe(1);
    expect(await pair(alerts.escalated, people.duty.id)).toBe(0);
  });
});

describe('the queue, its count, the statistics, the object check and the socket hub agree', () => {
  const sessions = {} as Record<Clinician | 'admin' | 'member', Session>;

  beforeAll(async () => {
    for (const who of [...CLINICIANS, 'admin', 'member'] as const) sessions[who] = await signIn(t, people[who]);
  });

  it('shows each clinician the same alerts in the queue, the badge, the statistics and one by one', async () => {
    for (const who of CLINICIANS) {
      const mine = alertsOf(who);
      const list = await call(t.app, sessions[who], 'GET', '/api/alerts?status=open');
      expect(list.statusCode).toBe(200);
      const listed = (list.json() as { alerts: { id: string }[] }).alerts.map((a) => a.id).sort();
      const count = (await call(t.app, sessions[who], 'GET', '/api/alerts/count')).json() as { open: number };
      const stats = (await call(t.app, sessions[who], 'GET', '/api/alerts/stats')).json() as { total: number };
      const opened: string[] = [];
      for (const id of Object.values(alerts)) {
        const one = await call(t.app, sessions[who], 'GET', `/api/alerts/${id}/deliveries`);
        expect([200, 404]).toContain(one.statusCode);
        if (one.statusCode === 200) opened.push(id);
      }
      expect({ who, listed, count: count.open, stats: stats.total, opened: opened.sort() }).toEqual({ who, listed: mine, count: mine.length, stats: mine.length, opened: mine });
    }
  });

  it('keeps today’s answers for an administrator (no queue, service-wide statistics) and a participant (nothing)', async () => {
    expect((await call(t.app, sessions.admin, 'GET', '/api/alerts')).statusCode).toBe(403);
    expect(((await call(t.app, sessions.admin, 'GET', '/api/alerts/stats')).json() as { total: number }).total).toBe(Object.keys(alerts).length);
    expect((await call(t.app, sessions.member, 'GET', '/api/alerts')).statusCode).toBe(403);
    expect((await call(t.app, sessions.member, 'GET', '/api/alerts/stats')).statusCode).toBe(403);
    for (const outsider of [sessions.admin, sessions.member]) {
      expect((await call(t.app, outsider, 'GET', `/api/alerts/${alerts.inGroup}/deliveries`)).statusCode).toBe(403);
    }
  });

  it('pushes each alert live to exactly the clinicians who answer for it', async () => {
    const url = await listen(t);
    const sockets = new Map<Clinician, SocketClient>();
    try {
      for (const who of CLINICIANS) sockets.set(who, await SocketClient.open(url, sessions[who]));
      for (const id of Object.values(alerts)) await publish(t.database.db, ALERTS_CHANNEL, { type: 'alert.updated', alertId: id, groupId: null });
      // Wait for every expected frame, then a moment more for any frame that should not come.
      for (const who of CLINICIANS) {
        const socket = sockets.get(who);
        for (const id of alertsOf(who)) await socket?.next((f) => f.type === 'alert' && f.alertId === id);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const who of CLINICIANS) {
        const heard = (sockets.get(who)?.frames ?? []).flatMap((f) => (f.type === 'alert' ? [f.alertId] : [])).sort();
        expect({ who, heard }).toEqual({ who, heard: alertsOf(who) });
      }
    } finally {
      for (const socket of sockets.values()) socket.close();
    }
  });
});
