import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createWorld, signIn, type Session, type World, watchPhrases, refusal } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { detectorFaults } from '../risk/assess-risk.js';
import { storePost } from '../space/create-post.js';
import { NEW_MEMBER_HELD_ITEMS } from './decision.js';
import { moderate, statusOf } from './moderate.js';

// Group-space posts (kind 'post'), stored exactly as the contract asks: moderate(), store with
// its status, recordModeration in the same transaction (storePost does the last two).
let t: TestApp;
let world: World;
let clinA: Session;
let clinB: Session;
let alice: Session;
let admin: Session;
const ALWAYS = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })));
// Monday 2 November 2026, 10:00 in the groups' zone (UTC in the fixtures).
const MONDAY_10 = new Date('2026-11-02T10:00:00Z');

async function submit(text: string, opts: { author?: World['participantA']; enrolmentId?: string | null; role?: 'participant' | 'clinician'; now?: Date; groupId?: string } = {}) {
  const author = opts.author ?? world.participantA;
  const groupId = opts.groupId ?? world.groupA;
  const enrolmentId = opts.enrolmentId === undefined ? world.enrolmentA : opts.enrolmentId;
  const now = opts.now ?? t.clock.now();
  const role = opts.role ?? 'participant';
  return t.database.db.transaction().execute(async (trx) => {
    const decision = await moderate(trx, { groupId, author: { userId: author.id, role, enrolmentId }, kind: 'post', fields: { text } }, now);
    const threadId = await threadIn(trx, groupId);
    const viewer = { userId: author.id, groupId, role: role === 'participant' ? ('member' as const) : ('staff' as const), enrolmentId, label: 'Author' };
    const actor = { userId: author.id, role, requestId: null, ip: null };
    const stored = await storePost(trx, { actor, now }, viewer, { thread: threadId, text }, decision);
    expect(stored.status).toBe(statusOf(decision));
    return { id: stored.id, decision };
  });
}

const threads = new Map<string, string>();
/** One thread per group holds the test's posts. */
async function threadIn(trx: Parameters<typeof storePost>[0], groupId: string): Promise<string> {
  const known = threads.get(groupId);
  if (known) return known;
  const id = newId();
  await trx
    .insertInto('space_threads')
    .values({
      id,
      group_id: groupId,
      title: 'Moderation',
      created_by: world.clinicianA.id,
      created_by_enrolment: null,
      opening_post_id: null,
      pinned: 0,
      created_at: t.clock.now().toISOString(),
    })
    .execute();
  threads.set(groupId, id);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  await t.database.db.updateTable('therapy_groups').set({ staffed_hours: ALWAYS }).execute();
  [clinA, clinB, alice, admin] = await Promise.all([signIn(t, world.clinicianA), signIn(t, world.clinicianB), signIn(t, world.participantA), signIn(t, world.admin)]);
});
afterAll(async () => t?.close());

describe('moderate and recordModeration', () => {
  it('holds a new member’s first posts, then publishes once they were approved', async () => {
    const first = await submit('Hi everyone, I am new here');
    expect(first.decision.outcome).toBe('hold');
    expect(first.decision.reasons.map((r) => r.code)).toEqual(['new_member']);
    expect((await call(t.app, clinA, 'POST', `/api/moderation/items/${first.id}/approve`, {})).statusCode).toBe(200);
    for (let i = 1; i < NEW_MEMBER_HELD_ITEMS; i++) {
      const { id, decision } = await submit(`Post ${i + 1}`);
      expect(decision.outcome).toBe('hold');
      await call(t.app, clinA, 'POST', `/api/moderation/items/${id}/approve`, {});
    }
    const after = await submit('Thanks everyone, see you on Tuesday');
    expect(after.decision).toMatchObject({ outcome: 'publish', reasons: [], flagged: false, risk: { tier: 'none' } });
    const log = await t.database.db.selectFrom('moderation_log').select(['action', 'actor_id']).where('item_id', '=', after.id).execute();
    expect(log).toEqual([{ action: 'published', actor_id: null }]);
  });

  it('holds every participant post in a pre-moderated group, and posts outside staffed hours', async () => {
    await t.database.db.updateTable('therapy_groups').set({ moderation_mode: 'pre' }).where('id', '=', world.groupA).execute();
    expect((await submit('Pre-moderated hello')).decision.reasons.map((r) => r.code)).toEqual(['pre_moderation']);
    // Staff posts are not held.
    expect((await submit('Welcome all', { author: world.clinicianA, enrolmentId: null, role: 'clinician' })).decision.outcome).toBe('publish');
    await t.database.db
      .updateTable('therapy_groups')
      .set({ moderation_mode: 'post', staffed_hours: JSON.stringify([{ weekday: 1, start: '09:00', end: '17:00' }]) })
      .where('id', '=', world.groupA)
      .execute();
    expect((await submit('Monday morning', { now: MONDAY_10 })).decision.outcome).toBe('publish');
    // 18:30 London on Monday, and Tuesday 10:00: outside the hours.
    expect((await submit('Monday evening', { now: new Date('2026-11-02T18:30:00Z') })).decision.reasons.map((r) => r.code)).toEqual(['outside_staffed_hours']);
    expect((await submit('Tuesday', { now: new Date('2026-11-03T10:00:00Z') })).decision.outcome).toBe('hold');
    await t.database.db.updateTable('therapy_groups').set({ staffed_hours: ALWAYS }).where('id', '=', world.groupA).execute();
  });

  it('applies watched phrases: block refuses, redact replaces, hold holds, flag publishes and tells clinicians', async () => {
    const db = t.database.db;
    await watchPhrases(t, world.admin.id, [
      ['thinspo', 'block'],
      ['bloody', 'redact'],
      ['meet up', 'hold'],
      ['weight loss shakes', 'flag'],
    ]);
    const blocked = await refusal(submit('any THINSPO tips?'));
    expect([blocked.code, blocked.status]).toEqual(['blocked_phrase', 422]);
    const redacted = await submit('Bloody hell, the bus was late');
    expect(redacted.decision.text).toBe('[removed] hell, the bus was late');
    expect(redacted.decision.reasons.map((r) => r.code)).toEqual(['redacted']);
    const held = await submit('shall we meet   up after group');
    expect(held.decision).toMatchObject({ outcome: 'hold', reasons: [{ code: 'watched_phrase_hold' }] });
    const flagged = await submit('has anyone tried those weight loss shakes from the advert');
    expect(flagged.decision).toMatchObject({ outcome: 'publish', flagged: true });
    const alerts = await db.selectFrom('alerts').select(['kind', 'tier', 'source_id', 'summary']).where('source_id', 'in', [held.id, flagged.id]).orderBy('kind').execute();
    expect(alerts).toEqual([
      { kind: 'flagged_post', tier: 'concern', source_id: flagged.id, summary: expect.not.stringContaining('shakes') },
      { kind: 'held_post', tier: 'concern', source_id: held.id, summary: expect.not.stringContaining('meet') },
    ]);
    const queue = (await call(t.app, clinA, 'GET', '/api/moderation/queue')).json();
    expect(queue.flagged.map((i: { id: string }) => i.id)).toContain(flagged.id);
    expect(queue.held.map((i: { id: string }) => i.id)).toContain(held.id);
  });

  it('refuses contact details from participants with the kind and the reason; staff may share a number', async () => {
    const error = await refusal(submit('text me on 07700 900123'));
    expect([error.code, error.status, error.details]).toEqual(['contact_details_refused', 422, [{ path: 'body.text', message: 'phone' }]]);
    expect(error.message).toMatch(/contact pressure/);
    expect((await refusal(submit('add me on insta'))).message).toMatch(/social media/);
    expect((await submit('The duty line is 020 7946 0958', { author: world.clinicianA, enrolmentId: null, role: 'clinician' })).decision.outcome).toBe('publish');
  });

  it('holds an item for a clinician when the risk detector fails, and raises a held-post alert', async () => {
    const { id: enrolmentA2 } = await t.database.db.selectFrom('enrolments').select('id').where('participant_id', '=', world.participantA2.id).executeTakeFirstOrThrow();
    detectorFaults.next = new Error('model file unreadable');
    const failed = await submit('an ordinary message the detector could not read', { author: world.participantA2, enrolmentId: enrolmentA2 });
    expect(failed.decision.outcome).toBe('hold');
    expect(failed.decision.reasons.map((r) => r.code)).toContain('risk_check_failed');
    const alert = await t.database.db.selectFrom('alerts').select(['kind', 'tier', 'summary']).where('source_id', '=', failed.id).executeTakeFirst();
    expect(alert).toMatchObject({ kind: 'held_post', tier: 'concern' });
    expect(alert?.summary).not.toContain('ordinary message');
    // The next item is read as usual.
    expect((await submit('lovely to see everyone', { author: world.participantA2, enrolmentId: enrolmentA2 })).decision.reasons.map((r) => r.code)).not.toContain(
      'risk_check_failed',
    );
  });

  it('refuses direction overrides; normalises invisible characters', async () => {
    expect((await refusal(submit('hello \u202Eevil'))).code).toBe('validation_failed');
    expect((await submit('he\u200Bllo <script>alert(1)</script>')).decision.text).toBe('hello <script>alert(1)</script>');
  });

  it('raises risk alerts by tier, without the participant’s words; holds urgent items for the care team, concern follows the mode', async () => {
    const urgent = await submit('i have the pills ready and i am going to do it tonight');
    expect(urgent.decision.outcome).toBe('hold');
    expect(urgent.decision.risk.tier).toBe('urgent');
    expect(urgent.decision.reasons.map((r) => r.code)).toEqual(['risk_urgent']);
    expect(urgent.decision.reasons[0]?.message).toMatch(/^Shared with your care team first: /);
    // Staff writing the same words are not held.
    expect((await submit('i have the pills ready and i am going to do it tonight', { author: world.clinicianA, enrolmentId: null, role: 'clinician' })).decision.outcome).toBe(
      'publish',
    );
    const concern = await submit('i feel like such a burden lately');
    expect(concern.decision.outcome).toBe('publish');
    expect(concern.decision.risk.tier).toBe('concern');
    const none = await submit('this traffic is killing me');
    const alerts = await t.database.db
      .selectFrom('alerts')
      .select(['id', 'source_id', 'tier', 'kind', 'source_type', 'summary', 'enrolment_id'])
      .where('kind', '=', 'risk_language')
      .execute();
    const urgentAlert = alerts.find((a) => a.source_id === urgent.id);
    expect(urgentAlert).toMatchObject({ tier: 'urgent', source_type: 'post', enrolment_id: world.enrolmentA });
    // The concern that followed within the fold window joined the same alert, with its own tier.
    const sources = await t.database.db
      .selectFrom('alert_sources')
      .select(['source_id', 'tier'])
      .where('alert_id', '=', urgentAlert?.id ?? '')
      .orderBy('created_at')
      .execute();
    expect(sources).toEqual([
      { source_id: urgent.id, tier: 'urgent' },
      { source_id: concern.id, tier: 'concern' },
    ]);
    expect(await t.database.db.selectFrom('alert_sources').select('alert_id').where('source_id', '=', none.id).execute()).toEqual([]);
    for (const a of alerts) expect(a.summary).not.toMatch(/pills|burden/);
    // The alert card: the item, the rules that fired, recent history in the group.
    const alertId = (await t.database.db.selectFrom('alerts').select('id').where('source_id', '=', urgent.id).executeTakeFirstOrThrow()).id;
    const context = await call(t.app, clinA, 'GET', `/api/alerts/${alertId}/context`);
    expect(context.statusCode, context.body).toBe(200);
    const body = context.json();
    expect(body.item).toMatchObject({ id: urgent.id, text: expect.stringContaining('pills ready'), kindLabel: 'group-space post' });
    expect(body.risk.tier).toBe('urgent');
    expect(body.risk.explanation.join(' ')).toMatch(/means prepared/);
    expect(body.history.length).toBeGreaterThan(3);
    expect(body.history.length).toBeLessThanOrEqual(10);
    expect(body.history.map((h: { id: string }) => h.id)).not.toContain(urgent.id);
    expect(body.sources.map((x: { id: string; tier: string }) => [x.id, x.tier])).toEqual([
      [urgent.id, 'urgent'],
      [concern.id, 'concern'],
    ]);
    expect((await call(t.app, clinB, 'GET', `/api/alerts/${alertId}/context`)).statusCode).toBe(404);
    expect((await call(t.app, alice, 'GET', `/api/alerts/${alertId}/context`)).statusCode).toBe(403);
    // Outcomes are counted per kind, with the false-positive rate.
    expect((await call(t.app, clinA, 'POST', `/api/alerts/${alertId}/resolve`, { outcome: 'false_positive' })).statusCode).toBe(204);
    const stats = (await call(t.app, clinA, 'GET', '/api/alerts/stats')).json();
    expect(stats.byKind.risk_language).toMatchObject({ total: 1, resolved: 1, falsePositiveRate: 1 });
  });
});

describe('approve and reject', () => {
  it('reject needs a reason, is logged, tells the author, who sees the status and the reason', async () => {
    await t.database.db.updateTable('therapy_groups').set({ moderation_mode: 'pre' }).where('id', '=', world.groupA).execute();
    const { id } = await submit('A post to be declined');
    expect((await call(t.app, clinA, 'POST', `/api/moderation/items/${id}/reject`, {})).statusCode).toBe(400);
    expect((await call(t.app, clinB, 'POST', `/api/moderation/items/${id}/reject`, { reason: 'Nope' })).statusCode).toBe(404);
    expect((await call(t.app, alice, 'POST', `/api/moderation/items/${id}/approve`, {})).statusCode).toBe(403);
    expect((await call(t.app, admin, 'POST', `/api/moderation/items/${id}/approve`, {})).statusCode).toBe(403);
    const rejected = await call(t.app, clinA, 'POST', `/api/moderation/items/${id}/reject`, { reason: 'It names someone outside the group.' });
    expect(rejected.json()).toEqual({ status: 'rejected' });
    expect((await call(t.app, clinA, 'POST', `/api/moderation/items/${id}/approve`, {})).json().error.code).toBe('invalid_state');
    const log = await t.database.db.selectFrom('moderation_log').select(['action', 'actor_id', 'reason']).where('item_id', '=', id).orderBy('created_at').execute();
    expect(log.map((l) => l.action)).toEqual(['held', 'rejected']);
    expect(log[1]).toMatchObject({ actor_id: world.clinicianA.id, reason: 'It names someone outside the group.' });
    const inbox = (await call(t.app, alice, 'GET', '/api/me/notifications')).json();
    expect(inbox.notifications[0]).toMatchObject({ kind: 'moderation_rejected', body: expect.stringContaining('It names someone outside the group.') });
    const mine = (await call(t.app, alice, 'GET', '/api/moderation/mine')).json();
    const item = mine.items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ status: 'rejected', text: 'A post to be declined', groupName: 'Group A' });
    expect(item.log.at(-1)).toMatchObject({ action: 'rejected', byFacilitator: true, reason: 'It names someone outside the group.' });
    // The log is append-only in the database itself.
    await expect(t.database.db.updateTable('moderation_log').set({ reason: 'edited' }).where('item_id', '=', id).execute()).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom('moderation_log').where('item_id', '=', id).execute()).rejects.toThrow(/append-only/);
    await t.database.db.updateTable('therapy_groups').set({ moderation_mode: 'post' }).where('id', '=', world.groupA).execute();
  });

  it('lists held items of my groups only, with pseudonym and reasons', async () => {
    await t.database.db.updateTable('therapy_groups').set({ moderation_mode: 'pre' }).execute();
    const mine = await submit('Waiting in group A');
    const other = await submit('Waiting in group B', { author: world.participantB, enrolmentId: world.enrolmentB, groupId: world.groupB });
    const queue = (await call(t.app, clinA, 'GET', '/api/moderation/queue')).json();
    const item = queue.held.find((i: { id: string }) => i.id === mine.id);
    expect(item).toMatchObject({ author: { pseudonym: 'Willow', displayName: 'Alice Private' }, groupName: 'Group A', kindLabel: 'group-space post' });
    expect(item.log[0].reason).toMatch(/facilitator reads posts/);
    expect(queue.held.map((i: { id: string }) => i.id)).not.toContain(other.id);
    expect((await call(t.app, alice, 'GET', '/api/moderation/queue')).statusCode).toBe(403);
    await t.database.db.updateTable('therapy_groups').set({ moderation_mode: 'post' }).execute();
  });
});

describe('preview before sending', () => {
  it('shows the tier in plain words, the crisis line, and the author’s own plan when there is one', async () => {
    const plain = await call(t.app, alice, 'POST', '/api/moderation/preview', { groupId: world.groupA, text: 'thanks everyone, see you on tuesday' });
    expect(plain.json()).toMatchObject({ risk: { tier: 'none', explanation: [] }, contactDetails: null, blockedPhrase: false, safetyPlan: null, crisisLine: expect.any(String) });
    const risky = await call(t.app, alice, 'POST', '/api/moderation/preview', { groupId: world.groupA, text: 'i want to die' });
    // A wish to die without a plan, means or time is concern (the taxonomy in modules/risk/README.md).
    expect(risky.json()).toMatchObject({ risk: { tier: 'concern', kind: 'self_harm', explanation: ['Your message mentions wanting to die.'] }, safetyPlan: null, danger: null });
    const danger = await call(t.app, alice, 'POST', '/api/moderation/preview', {
      groupId: world.groupA,
      text: "he's outside the door with a knife and says he'll kill me tonight",
    });
    // Somebody threatening the author: the emergency and safeguarding numbers, not the self-harm safety plan.
    expect(danger.json()).toMatchObject({
      risk: { tier: 'urgent', kind: 'being_harmed' },
      safetyPlan: null,
      danger: { emergencyNumber: '999', safeguardingLine: expect.stringMatching(/0808 2000 247/) },
    });
    await call(t.app, alice, 'PUT', '/api/safety-plan', {
      baseVersion: 0,
      warningSigns: ['Not sleeping'],
      copingSteps: ['Walk the dog'],
      distractions: [],
      helpContacts: [{ name: 'Sam', contact: '07700 900123' }],
      professionals: [],
      safeEnvironment: [],
      reasonsForLiving: [],
    });
    const withPlan = (await call(t.app, alice, 'POST', '/api/moderation/preview', { groupId: world.groupA, text: 'i want to die' })).json();
    expect(withPlan.safetyPlan).toMatchObject({ copingSteps: ['Walk the dog'], helpContacts: [{ name: 'Sam', contact: '07700 900123' }] });
    const contact = (await call(t.app, alice, 'POST', '/api/moderation/preview', { groupId: world.groupA, text: 'mail me jo@example.com' })).json();
    expect(contact.contactDetails).toMatchObject({ kind: 'email' });
    expect((await call(t.app, alice, 'POST', '/api/moderation/preview', { groupId: world.groupB, text: 'hi' })).statusCode).toBe(404);
    expect((await call(t.app, admin, 'POST', '/api/moderation/preview', { groupId: world.groupA, text: 'hi' })).statusCode).toBe(403);
    expect((await call(t.app, alice, 'POST', '/api/moderation/preview', { groupId: world.groupA, text: 'x'.repeat(4001) })).statusCode).toBe(400);
    const audit = await t.database.db.selectFrom('audit_events').select('detail').where('action', '=', 'moderation.preview').execute();
    expect(audit.length).toBeGreaterThanOrEqual(4);
    for (const row of audit) expect(row.detail ?? '').not.toMatch(/die|walk|example/);
  });
});

describe('group moderation settings and watched phrases', () => {
  it('let facilitators set the mode and staffed hours; members read them; bad periods are refused', async () => {
    const set = await call(t.app, clinA, 'PATCH', `/api/groups/${world.groupA}/moderation`, {
      moderationMode: 'pre',
      staffedHours: [
        { weekday: 3, start: '18:00', end: '20:00' },
        { weekday: 1, start: '09:00', end: '12:00' },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ moderationMode: 'pre', staffedHours: [{ weekday: 1 }, { weekday: 3 }], timezone: 'UTC' });
    expect((await call(t.app, alice, 'GET', `/api/groups/${world.groupA}/moderation`)).json().moderationMode).toBe('pre');
    expect((await call(t.app, alice, 'PATCH', `/api/groups/${world.groupA}/moderation`, { moderationMode: 'post' })).statusCode).toBe(403);
    expect((await call(t.app, clinB, 'PATCH', `/api/groups/${world.groupA}/moderation`, { moderationMode: 'post' })).statusCode).toBe(404);
    expect((await call(t.app, clinA, 'PATCH', `/api/groups/${world.groupA}/moderation`, { staffedHours: [{ weekday: 1, start: '17:00', end: '09:00' }] })).statusCode).toBe(400);
    expect((await call(t.app, clinA, 'PATCH', `/api/groups/${world.groupA}/moderation`, { moderationMode: 'post', staffedHours: [] })).json().staffedNow).toBe(false);
  });

  it('are managed by admins (audited), read by clinicians, unique after normalisation', async () => {
    const created = await call(t.app, admin, 'POST', '/api/admin/watched-phrases', { phrase: 'Ｓｅｌｌｉｎｇ  Meds', action: 'flag', note: 'Selling medication' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ phrase: 'Selling  Meds', action: 'flag', note: 'Selling medication' });
    expect((await call(t.app, admin, 'POST', '/api/admin/watched-phrases', { phrase: 'selling meds', action: 'block' })).statusCode).toBe(409);
    expect((await call(t.app, clinA, 'POST', '/api/admin/watched-phrases', { phrase: 'x y', action: 'block' })).statusCode).toBe(403);
    expect((await call(t.app, clinA, 'GET', '/api/admin/watched-phrases')).statusCode).toBe(200);
    const id = created.json().id as string;
    expect((await call(t.app, admin, 'PATCH', `/api/admin/watched-phrases/${id}`, { action: 'block' })).json().action).toBe('block');
    expect((await refusal(submit('anyone selling meds?'))).code).toBe('blocked_phrase');
    expect((await call(t.app, admin, 'DELETE', `/api/admin/watched-phrases/${id}`)).statusCode).toBe(204);
    expect((await call(t.app, admin, 'DELETE', `/api/admin/watched-phrases/${id}`)).statusCode).toBe(404);
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('resource_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['moderation.phrases.create', 'moderation.phrases.update', 'moderation.phrases.delete']));
  });
});
