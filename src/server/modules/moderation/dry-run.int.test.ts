import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpacePost } from '../../../shared/schemas/space.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import { call, createWorld, signIn, type Session, type World, openSpace, watchPhrases } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { detectorFaults } from '../risk/assess-risk.js';
import { MODERATED_KINDS, type ContentKind } from './kinds.js';
import { moderate, type ModerationAuthor } from './moderate.js';
import { recordModeration } from './record-moderation.js';
import { listItems, loadItem } from './registry.js';

// The preview is moderate() with dryRun: for the same input and the same data it reaches the same
// decision sending does, and writes nothing (no item, no log row, no alert, no notification).

let t: TestApp;
let world: World;
let alice: Session;
let clinician: Session;
const URGENT = 'I have the pills ready and I am going to end my life tonight.';
const DANGER = "he's outside the door with a knife and says he'll kill me tonight";
const WRITTEN = ['moderation_log', 'alerts', 'alert_sources', 'notifications', 'space_posts', 'space_threads', 'strategies', 'appreciations', 'feedback_items'] as const;

async function counts(db: DbOrTx): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of WRITTEN) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    result[table] = Number(row.n);
  }
  return result;
}

async function refusalOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  await openSpace(t, world.groupA, [world.participantA.id, world.clinicianA.id]);
  [alice, clinician] = await Promise.all([signIn(t, world.participantA), signIn(t, world.clinicianA)]);
  await watchPhrases(t, world.admin.id, [
    ['thinspo', 'block'],
    ['bloody', 'redact'],
    ['meet up', 'hold'],
    ['weight loss shakes', 'flag'],
  ]);
});
afterAll(async () => t?.close());

describe('the preview is moderate() with dryRun', () => {
  const participant = (): ModerationAuthor => ({ userId: world.participantA.id, role: 'participant', enrolmentId: world.enrolmentA });
  const newcomer = (): ModerationAuthor => ({ userId: world.participantA2.id, role: 'participant', enrolmentId: null });
  const staff = (): ModerationAuthor => ({ userId: world.clinicianA.id, role: 'clinician', enrolmentId: null });
  const cases: {
    name: string;
    author: () => ModerationAuthor;
    kind: ContentKind;
    fields: Record<string, string>;
    fault?: boolean;
    expected: { outcome: 'publish' | 'hold'; codes: string[]; tier: string; flagged: boolean };
  }[] = [
    {
      name: 'an ordinary post',
      author: participant,
      kind: 'post',
      fields: { text: 'see you all on tuesday' },
      expected: { outcome: 'publish', codes: [], tier: 'none', flagged: false },
    },
    {
      name: 'a new member’s first post',
      author: newcomer,
      kind: 'message',
      fields: { text: 'hello, I am new' },
      expected: { outcome: 'hold', codes: ['new_member'], tier: 'none', flagged: false },
    },
    {
      name: 'an urgent message',
      author: participant,
      kind: 'message',
      fields: { text: URGENT },
      expected: { outcome: 'hold', codes: ['risk_urgent'], tier: 'urgent', flagged: false },
    },
    {
      name: 'a thread with risk in its title only',
      author: participant,
      kind: 'post',
      fields: { title: 'i want to die', text: 'does anyone else feel like this' },
      expected: { outcome: 'publish', codes: [], tier: 'concern', flagged: false },
    },
    { name: 'someone in danger, from staff', author: staff, kind: 'post', fields: { text: DANGER }, expected: { outcome: 'publish', codes: [], tier: 'urgent', flagged: false } },
    {
      name: 'watched phrases in several fields',
      author: participant,
      kind: 'strategy',
      fields: { title: 'Bloody hell', whenHelps: 'shall we meet up', steps: 'try those weight loss shakes from the advert' },
      expected: { outcome: 'hold', codes: ['redacted', 'watched_phrase_hold', 'flagged'], tier: 'none', flagged: true },
    },
    {
      name: 'contact details',
      author: participant,
      kind: 'appreciation',
      fields: { body: 'text me on 07700 900123' },
      expected: { outcome: 'publish', codes: [], tier: 'none', flagged: false },
    },
    {
      name: 'a blocked phrase',
      author: participant,
      kind: 'feedback_request',
      fields: { text: 'any thinspo tips?' },
      expected: { outcome: 'publish', codes: [], tier: 'none', flagged: false },
    },
    {
      name: 'a detector failure',
      author: participant,
      kind: 'post',
      fields: { text: 'an ordinary message' },
      fault: true,
      expected: { outcome: 'hold', codes: ['risk_check_failed'], tier: 'none', flagged: false },
    },
  ];

  for (const c of cases) {
    it(`${c.name}: the same decision as sending, and nothing written`, async () => {
      const db = t.database.db;
      const now = t.clock.now();
      const request = { groupId: world.groupA, author: c.author(), kind: c.kind, fields: c.fields };
      const before = await counts(db);
      if (c.fault) detectorFaults.next = new Error('model file unreadable');
      const dry = await moderate(db, { ...request, dryRun: true }, now);
      expect(await counts(db)).toEqual(before);
      expect(dry.dryRun).toBe(true);
      expect({ outcome: dry.outcome, codes: dry.reasons.map((r) => r.code), tier: dry.risk.tier, flagged: dry.flagged }).toEqual(c.expected);
      if (c.fault) detectorFaults.next = new Error('model file unreadable');
      const refused = dry.contactDetails ? 'contact_details_refused' : dry.blockedPhrase ? 'blocked_phrase' : null;
      expect(await refusalOf(moderate(db, request, now))).toBe(refused);
      if (refused) return;
      if (c.fault) detectorFaults.next = new Error('model file unreadable');
      const sent = await moderate(db, request, now);
      expect({ ...sent, dryRun: true }).toEqual(dry);
      expect(sent.dryRun).toBe(false);
      expect(await counts(db)).toEqual(before);
    });
  }

  it('cannot record a preview', async () => {
    const dry = await moderate(t.database.db, { groupId: world.groupA, author: participant(), kind: 'post', fields: { text: 'hello' }, dryRun: true }, t.clock.now());
    await expect(recordModeration(t.database.db, dry, newId(), t.clock.now())).rejects.toThrow(/cannot be recorded/);
  });
});

describe('previewing a new thread', () => {
  it('reads the title and the first message together, as the thread will be sent, and shows the author their plan', async () => {
    await call(t.app, alice, 'PUT', '/api/safety-plan', {
      baseVersion: 0,
      warningSigns: ['Not sleeping'],
      copingSteps: ['Walk the dog'],
      distractions: [],
      helpContacts: [],
      professionals: [],
      safeEnvironment: [],
      reasonsForLiving: [],
    });
    const fields = { title: 'Tonight', text: URGENT };
    const before = await counts(t.database.db);
    const preview = await call(t.app, alice, 'POST', '/api/moderation/preview', { groupId: world.groupA, kind: 'post', fields });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      risk: { tier: 'urgent', kind: 'self_harm' },
      safetyPlan: { copingSteps: ['Walk the dog'] },
      danger: null,
      contactDetails: null,
      blockedPhrase: false,
    });
    expect(await counts(t.database.db)).toEqual(before);
    const sent = await call(t.app, alice, 'POST', `/api/space/groups/${world.groupA}/threads`, fields);
    expect(sent.statusCode, sent.body).toBe(201);
    const post = (sent.json() as { post: SpacePost }).post;
    expect(post.status).toBe('held');
    expect(post.statusReasons.map((r) => r.code)).toContain('risk_urgent');
  });

  it('refuses contact details in the title before anything is sent, and sending refuses them too', async () => {
    const fields = { title: 'mail me jo@example.com', text: 'about tonight' };
    const preview = (await call(t.app, alice, 'POST', '/api/moderation/preview', { groupId: world.groupA, kind: 'post', fields })).json();
    expect(preview.contactDetails).toMatchObject({ kind: 'email' });
    const sent = await call(t.app, alice, 'POST', `/api/space/groups/${world.groupA}/threads`, fields);
    expect(sent.statusCode).toBe(422);
    expect(sent.json()).toMatchObject({ error: { code: 'contact_details_refused' } });
  });

  it('assesses risk for whoever writes: a clinician sees the same tier and the danger numbers, never a safety plan', async () => {
    const urgent = (await call(t.app, clinician, 'POST', '/api/moderation/preview', { groupId: world.groupA, text: URGENT })).json();
    expect(urgent).toMatchObject({ risk: { tier: 'urgent', kind: 'self_harm' }, safetyPlan: null, danger: null });
    const danger = (await call(t.app, clinician, 'POST', '/api/moderation/preview', { groupId: world.groupA, text: DANGER })).json();
    expect(danger).toMatchObject({ risk: { tier: 'urgent', kind: 'being_harmed' }, safetyPlan: null, danger: { emergencyNumber: '999' } });
  });

  it('asks for text or fields, not both, and at most four fields', async () => {
    const bad = [
      { groupId: world.groupA },
      { groupId: world.groupA, text: 'hi', fields: { text: 'hi' } },
      { groupId: world.groupA, fields: {} },
      { groupId: world.groupA, fields: { a: 'x', b: 'x', c: 'x', d: 'x', e: 'x' } },
      { groupId: world.groupA, fields: { 'not a name': 'x' } },
      { groupId: world.groupA, kind: 'journal', text: 'hi' },
    ];
    for (const body of bad) expect((await call(t.app, alice, 'POST', '/api/moderation/preview', body)).statusCode, JSON.stringify(body)).toBe(400);
  });
});

describe('every moderated kind is stored where its registration says', () => {
  it('lists and loads items of every kind from the real tables', async () => {
    const rows = await listItems(t.database.db, { groupIds: [world.groupA], statuses: ['held', 'published'], limit: 50 });
    expect(new Set(rows.map((r) => r.kind)).size).toBeGreaterThan(0);
    for (const kind of Object.keys(MODERATED_KINDS) as ContentKind[]) {
      await expect(loadItem(t.database.db, kind, newId())).resolves.toBeUndefined();
    }
  });
});
