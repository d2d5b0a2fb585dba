import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AlertContext } from '../../../shared/schemas/moderation.js';
import type { SpacePost } from '../../../shared/schemas/space.js';
import { call, createWorld, signIn, type Session, type World, openSpace } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

// "One card per situation": a member's risk messages within the fold window are one alert.
let t: TestApp;
let world: World;
let alice: Session;
let aaron: Session;
let clinician: Session;

const CONCERN = 'I feel hopeless and like a burden to everyone';
const CONCERN_2 = 'Everything feels pointless lately';
const URGENT = 'I want to kill myself tonight';
const MINUTE = 60_000;

interface QueueAlert {
  id: string;
  kind: string;
  tier: 'concern' | 'urgent';
  status: string;
  participant: { id: string };
  createdAt: string;
  sourceCount: number;
  lastAt: string;
  ackDueAt: string;
}

async function say(session: Session, text: string): Promise<SpacePost> {
  const response = await call(t.app, session, 'POST', `/api/space/groups/${world.groupA}/posts`, { thread: 'chat', text });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as SpacePost;
}

async function riskAlerts(participantId = world.participantA.id): Promise<QueueAlert[]> {
  const response = await call(t.app, clinician, 'GET', '/api/alerts?status=active');
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { alerts: QueueAlert[] }).alerts.filter((a) => a.kind === 'risk_language' && a.participant.id === participantId);
}

async function context(alertId: string): Promise<AlertContext> {
  const response = await call(t.app, clinician, 'GET', `/api/alerts/${alertId}/context`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AlertContext;
}

/** Resolves every active risk alert, so each case starts from an empty queue. */
async function clearQueue() {
  const response = await call(t.app, clinician, 'GET', '/api/alerts?status=active');
  for (const a of (response.json() as { alerts: QueueAlert[] }).alerts) {
    expect((await call(t.app, clinician, 'POST', `/api/alerts/${a.id}/resolve`, { outcome: 'check_in_done' })).statusCode).toBe(204);
  }
}

beforeAll(async () => {
  // The clock moves hours in these cases: sessions must outlive it.
  t = await createTestApp({ HEARTH_SESSION_IDLE_MINUTES: '1440', HEARTH_SESSION_ABSOLUTE_HOURS: '720' });
  world = await createWorld(t);
  await openSpace(t, world.groupA, [world.participantA.id, world.participantA2.id]);
  [alice, aaron, clinician] = await Promise.all([signIn(t, world.participantA), signIn(t, world.participantA2), signIn(t, world.clinicianA)]);
});
beforeEach(async () => {
  await t.app.spaceHub.limiter.reset();
  await clearQueue();
  t.clock.advance(3 * 60 * MINUTE);
});
afterAll(async () => t?.close());

describe('risk alerts fold into one card per situation', () => {
  it('folds three messages within the window into one alert with three sources, the highest tier and the latest time', async () => {
    const first = await say(alice, CONCERN);
    t.clock.advance(40 * MINUTE);
    const second = await say(alice, URGENT);
    t.clock.advance(40 * MINUTE);
    const third = await say(alice, CONCERN_2);
    const alerts = await riskAlerts();
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({ tier: 'urgent', status: 'open', sourceCount: 3, lastAt: third.createdAt, createdAt: first.createdAt });
    const ctx = await context(alert?.id ?? '');
    expect(ctx.sources.map((s) => [s.id, s.tier, s.text])).toEqual([
      [first.id, 'concern', CONCERN],
      [second.id, 'urgent', URGENT],
      [third.id, 'concern', CONCERN_2],
    ]);
    expect(ctx.sources.every((s) => s.explanation.length > 0)).toBe(true);
    // The messages of the fold are not repeated as "recent posts".
    expect(ctx.history.map((h) => h.id)).not.toContain(second.id);
    const sources = await t.database.db
      .selectFrom('alert_sources')
      .select('source_id')
      .where('alert_id', '=', alert?.id ?? '')
      .execute();
    expect(sources).toHaveLength(3);
  });

  it('opens a second alert for a message after the window has passed', async () => {
    await say(alice, CONCERN);
    t.clock.advance(121 * MINUTE);
    await say(alice, CONCERN_2);
    const alerts = await riskAlerts();
    expect(alerts.map((a) => a.sourceCount)).toEqual([1, 1]);
  });

  it('keeps the window configurable: a shorter window splits what the default would fold', async () => {
    const admin = await signIn(t, world.admin);
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'alerts.fold_window_minutes': '30' })).statusCode).toBe(200);
    await say(alice, CONCERN);
    t.clock.advance(45 * MINUTE);
    await say(alice, CONCERN_2);
    expect(await riskAlerts()).toHaveLength(2);
    expect((await call(t.app, admin, 'PATCH', '/api/admin/settings', { 'alerts.fold_window_minutes': '120' })).statusCode).toBe(200);
  });

  it('raises the tier and brings the deadline forward when an urgent message joins a concern, and the queue orders by that deadline', async () => {
    const start = t.clock.now().getTime();
    await say(alice, CONCERN);
    let [alert] = await riskAlerts();
    expect(alert?.tier).toBe('concern');
    expect(Date.parse(alert?.ackDueAt ?? '')).toBeGreaterThanOrEqual(start + 1440 * MINUTE);
    // Another member's urgent alert, raised after Alice's first message…
    t.clock.advance(10 * MINUTE);
    await say(aaron, URGENT);
    // …then Alice's urgent message: her card becomes urgent with the urgent deadline from now.
    t.clock.advance(10 * MINUTE);
    const urgentAt = t.clock.now().getTime();
    await say(alice, URGENT);
    [alert] = await riskAlerts();
    expect(alert).toMatchObject({ tier: 'urgent', sourceCount: 2 });
    const due = Date.parse(alert?.ackDueAt ?? '');
    expect(due).toBeGreaterThanOrEqual(urgentAt + 60 * MINUTE);
    expect(due).toBeLessThan(urgentAt + 61 * MINUTE);
    const row = await t.database.db
      .selectFrom('alerts')
      .select(['tier', 'summary'])
      .where('id', '=', alert?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row.summary).toMatch(/^Urgent/);
    // Both urgent: Aaron's deadline comes first although Alice's card is older.
    const queue = (await call(t.app, clinician, 'GET', '/api/alerts').then((r) => r.json() as { alerts: QueueAlert[] })).alerts;
    const order = queue.filter((a) => a.kind === 'risk_language').map((a) => a.participant.id);
    expect(order).toEqual([world.participantA2.id, world.participantA.id]);
    // A later concern message in the same fold keeps the urgent tier and the earlier deadline.
    t.clock.advance(5 * MINUTE);
    await say(alice, CONCERN_2);
    const [after] = await riskAlerts();
    expect(after).toMatchObject({ tier: 'urgent', sourceCount: 3, ackDueAt: alert?.ackDueAt });
  });

  it('opens a new alert for a message after the alert was acknowledged, even within the window', async () => {
    await say(alice, URGENT);
    const [first] = await riskAlerts();
    expect((await call(t.app, clinician, 'POST', `/api/alerts/${first?.id}/acknowledge`, {})).statusCode).toBe(204);
    t.clock.advance(20 * MINUTE);
    const later = await say(alice, CONCERN);
    const alerts = await riskAlerts();
    expect(alerts).toHaveLength(2);
    const fresh = alerts.find((a) => a.id !== first?.id);
    expect(fresh).toMatchObject({ status: 'open', tier: 'concern', sourceCount: 1, lastAt: later.createdAt });
    expect(alerts.find((a) => a.id === first?.id)).toMatchObject({ status: 'acknowledged', sourceCount: 1 });
    // The badge counts the new one: someone must look at it.
    const count = (await call(t.app, clinician, 'GET', '/api/alerts/count')).json() as { open: number };
    expect(count.open).toBe(1);
  });
});
