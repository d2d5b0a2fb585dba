import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { createUser, createWorld, type TestUser, type World } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { objectInScope, type ObjectKind } from './objects.js';
import type { Principal, Rule, Scope } from './policy.js';

/**
 * The object check every route runs on the ids it names (ARCHITECTURE.md: "an explicit check on
 * every object a route names"; DESIGN.md: deny by default, outsiders get 404). Stated per scope
 * and per kind of object, from where each object sits: in a group, with an owner, or referred by
 * a clinician. Direct calls on a fresh in-memory database, so the mutation gate can run it often.
 */
let t: TestApp;
let w: World;
let referrer: TestUser;
let coFacilitator: TestUser;
let escalatedTo: TestUser;
let enrolmentC: string;
let responseC: string;
let replyB: string;
let privatePractice: string;
let extraAlert: string;

const rule = (scope: Scope): Rule => ({ actions: ['read'], scope });
const as = (user: TestUser, role: Role): Principal => ({ userId: user.id, role, sessionId: 's' });
const now = () => t.clock.now();
const inScope = (who: Principal, scope: Scope, kind: ObjectKind, id: string, at = now()) => objectInScope(t.database.db, who, rule(scope), kind, id, at);

beforeAll(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  const db = t.database.db;
  const at = now().toISOString();
  [referrer, coFacilitator, escalatedTo] = await Promise.all([createUser(t, 'clinician'), createUser(t, 'clinician'), createUser(t, 'clinician')]);
  // A co-facilitator of group B answers for it like its lead.
  await db.insertInto('group_facilitators').values({ group_id: w.groupB, user_id: coFacilitator.id, facilitator_role: 'co' }).execute();
  // Participant A2 was referred to group B by a clinician who facilitates no group.
  const referralC = newId();
  await db
    .insertInto('referrals')
    .values({
      id: referralC,
      group_id: w.groupB,
      participant_id: w.participantA2.id,
      person_name: 'Aaron',
      person_email: `a.${newId()}@test.hearth.local`,
      referred_by: referrer.id,
      reason: 'Isolation.',
      status: 'enrolled',
      created_at: at,
      updated_at: at,
    })
    .execute();
  enrolmentC = newId();
  await db
    .insertInto('enrolments')
    .values({
      id: enrolmentC,
      group_id: w.groupB,
      participant_id: w.participantA2.id,
      referral_id: referralC,
      pseudonym: 'Rowan',
      status: 'active',
      joined_at: at,
      left_at: null,
      created_at: at,
    })
    .execute();
  responseC = newId();
  await db
    .insertInto('measure_responses')
    .values({
      id: responseC,
      participant_id: w.participantA2.id,
      enrolment_id: enrolmentC,
      group_id: w.groupB,
      request_id: null,
      instrument_code: 'phq-9',
      instrument_version: 1,
      answers: '{}',
      total: 3,
      band: 'Minimal',
      caseness: 0,
      prorated: 0,
      idempotency_key: `k-${responseC}`,
      submitted_at: at,
    })
    .execute();
  // A reply to group B's feedback request is not a request; a practice entry kept private is not shared.
  replyB = newId();
  await db
    .insertInto('feedback_items')
    .values({
      id: replyB,
      group_id: w.groupB,
      parent_id: w.feedbackRequestB,
      enrolment_id: w.enrolmentB,
      author_id: w.participantB.id,
      body: 'A reply.',
      moderation_status: 'published',
      created_at: at,
    })
    .execute();
  privatePractice = newId();
  await db
    .insertInto('skill_practices')
    .values({
      id: privatePractice,
      participant_id: w.participantB.id,
      enrolment_id: w.enrolmentB,
      skill: 'Noticing',
      situation: 'Home',
      tried: 'Breathing',
      rating: 3,
      shared_group_id: null,
      shared_enrolment_id: null,
      moderation_status: null,
      shared_at: null,
      created_at: at,
    })
    .execute();
  // An alert in group A escalated to a clinician outside the group.
  extraAlert = newId();
  await db
    .insertInto('alerts')
    .values({
      id: extraAlert,
      kind: 'measure_item',
      tier: 'urgent',
      participant_id: w.participantA.id,
      enrolment_id: w.enrolmentA,
      group_id: w.groupA,
      source_type: 'measure_response',
      source_id: newId(),
      summary: 'x',
      status: 'open',
      created_at: at,
      ack_due_at: at,
      next_escalation_at: at,
      escalated_to: escalatedTo.id,
    })
    .execute();
});
afterAll(async () => t.close());

/** Objects of group B and of participant B, by kind. */
const groupBObjects = (): [ObjectKind, string][] => [
  ['group', w.groupB],
  ['session', w.sessionB],
  ['spaceThread', w.spaceThreadB],
  ['spacePost', w.spacePostB],
  ['celebration', w.celebrationB],
  ['sharedPractice', w.practiceB],
  ['strategy', w.strategyB],
  ['libraryEntry', w.libraryEntryB],
  ['feedbackRequest', w.feedbackRequestB],
];
const participantBObjects = (): [ObjectKind, string][] => [
  ['goal', w.goalB],
  ['milestone', w.milestoneB],
  ['skillPractice', w.practiceB],
  ['journalEntry', w.journalEntryB],
  ['user', w.participantB.id],
];

describe('service scope', () => {
  it('reaches every existing object of every kind, and no missing or malformed one', async () => {
    const admin = as(w.admin, 'admin');
    const all: [ObjectKind, string][] = [
      ...groupBObjects(),
      ...participantBObjects(),
      ['programme', w.programmeId],
      ['rotaShift', newId()],
      ['watchedPhrase', w.watchedPhrase],
      ['referral', w.referralB],
      ['enrolment', w.enrolmentB],
      ['response', w.responseB],
      ['alert', w.alertB],
      ['moderatedItem', w.moderatedItemB],
      ['participant', w.participantB.id],
    ];
    for (const [kind, id] of all) {
      expect(await inScope(admin, 'service', kind, id), kind).toBe(kind !== 'rotaShift');
      expect(await inScope(admin, 'service', kind, newId()), `missing ${kind}`).toBe(false);
    }
    expect(await inScope(admin, 'service', 'group', 'not-a-uuid')).toBe(false);
    expect(await inScope(admin, 'service', 'user', `${w.participantB.id}x`)).toBe(false);
  });

  it('knows a participant as a person only by a participant’s id', async () => {
    expect(await inScope(as(w.admin, 'admin'), 'service', 'participant', w.clinicianB.id)).toBe(false);
  });

  it('knows a feedback request and a shared practice only as such', async () => {
    const admin = as(w.admin, 'admin');
    expect(await inScope(admin, 'service', 'feedbackRequest', replyB)).toBe(false);
    expect(await inScope(admin, 'service', 'sharedPractice', privatePractice)).toBe(false);
    expect(await inScope(admin, 'service', 'skillPractice', privatePractice)).toBe(true);
  });
});

describe('self scope', () => {
  it('reaches the caller’s own objects only', async () => {
    for (const [kind, id] of [...participantBObjects(), ['enrolment', w.enrolmentB], ['response', w.responseB], ['alert', w.alertB], ['moderatedItem', w.moderatedItemB]] as [
      ObjectKind,
      string,
    ][]) {
      expect(await inScope(as(w.participantB, 'participant'), 'self', kind, id), kind).toBe(true);
      expect(await inScope(as(w.participantA, 'participant'), 'self', kind, id), `A: ${kind}`).toBe(false);
    }
    // Group objects have no owner: no one reaches them by self scope, not even their facilitator.
    for (const [kind, id] of groupBObjects()) {
      expect(await inScope(as(w.participantB, 'participant'), 'self', kind, id), kind).toBe(false);
      expect(await inScope(as(w.clinicianB, 'clinician'), 'self', kind, id), kind).toBe(false);
    }
    expect(await inScope(as(w.clinicianA, 'clinician'), 'self', 'user', w.clinicianA.id)).toBe(true);
  });
});

describe('own groups scope, clinicians', () => {
  it('reaches every object of a group they lead or co-facilitate, and nothing of another group', async () => {
    for (const [kind, id] of [
      ...groupBObjects(),
      ['enrolment', w.enrolmentB],
      ['response', w.responseB],
      ['alert', w.alertB],
      ['moderatedItem', w.moderatedItemB],
      ['participant', w.participantB.id],
      ['referral', w.referralB],
    ] as [ObjectKind, string][]) {
      expect(await inScope(as(w.clinicianB, 'clinician'), 'own_groups', kind, id), `lead: ${kind}`).toBe(true);
      expect(await inScope(as(coFacilitator, 'clinician'), 'own_groups', kind, id), `co: ${kind}`).toBe(true);
      expect(await inScope(as(w.clinicianA, 'clinician'), 'own_groups', kind, id), `outsider: ${kind}`).toBe(false);
    }
  });

  it('never reaches a member’s own goals, practice log or journal through the group (those go through the record)', async () => {
    for (const [kind, id] of participantBObjects()) {
      expect(await inScope(as(w.clinicianB, 'clinician'), 'own_groups', kind, id), kind).toBe(false);
    }
  });

  it('follows the people a clinician referred, whichever group they joined', async () => {
    const c = as(referrer, 'clinician');
    expect(await inScope(c, 'own_groups', 'enrolment', enrolmentC)).toBe(true);
    expect(await inScope(c, 'own_groups', 'response', responseC)).toBe(true);
    expect(await inScope(c, 'own_groups', 'participant', w.participantA2.id)).toBe(true);
    // Not the rest of the group, nor other people in it.
    expect(await inScope(c, 'own_groups', 'group', w.groupB)).toBe(false);
    expect(await inScope(c, 'own_groups', 'enrolment', w.enrolmentB)).toBe(false);
    expect(await inScope(c, 'own_groups', 'participant', w.participantB.id)).toBe(false);
    // Participant A2 is also in group A: its facilitator reaches them as a person, as does group B's.
    expect(await inScope(as(w.clinicianA, 'clinician'), 'own_groups', 'participant', w.participantA2.id)).toBe(true);
    expect(await inScope(as(w.clinicianB, 'clinician'), 'own_groups', 'participant', w.participantA2.id)).toBe(true);
  });

  it('lets a clinician an alert was escalated to open it, outside their groups', async () => {
    expect(await inScope(as(escalatedTo, 'clinician'), 'own_groups', 'alert', extraAlert)).toBe(true);
    expect(await inScope(as(escalatedTo, 'clinician'), 'own_groups', 'alert', w.alertB)).toBe(false);
    expect(await inScope(as(w.clinicianA, 'clinician'), 'own_groups', 'alert', extraAlert)).toBe(true);
    expect(await inScope(as(w.clinicianB, 'clinician'), 'own_groups', 'alert', extraAlert)).toBe(false);
  });

  it('places nothing without a group in anyone’s groups', async () => {
    for (const [kind, id] of [
      ['programme', w.programmeId],
      ['watchedPhrase', w.watchedPhrase],
      ['user', w.clinicianB.id],
    ] as [ObjectKind, string][]) {
      expect(await inScope(as(w.clinicianB, 'clinician'), 'own_groups', kind, id), kind).toBe(false);
    }
  });
});

describe('own groups scope, participants', () => {
  it('reaches their own group’s shared objects, not another group’s', async () => {
    for (const [kind, id] of groupBObjects()) {
      expect(await inScope(as(w.participantB, 'participant'), 'own_groups', kind, id), `member: ${kind}`).toBe(true);
      expect(await inScope(as(w.participantA, 'participant'), 'own_groups', kind, id), `outsider: ${kind}`).toBe(false);
    }
  });

  it('never reaches another member’s objects, even inside their group', async () => {
    // Participant A2 is in group B too (enrolment C), yet B's response, alert and goals are B's alone.
    const a2 = as(w.participantA2, 'participant');
    expect(await inScope(a2, 'own_groups', 'spacePost', w.spacePostB)).toBe(true);
    for (const [kind, id] of [
      ['response', w.responseB],
      ['alert', w.alertB],
      ['enrolment', w.enrolmentB],
      ['goal', w.goalB],
      ['moderatedItem', w.moderatedItemB],
      ['participant', w.participantB.id],
    ] as [ObjectKind, string][]) {
      expect(await inScope(a2, 'own_groups', kind, id), kind).toBe(false);
      expect(await inScope(as(w.participantB, 'participant'), 'own_groups', kind, id), `own ${kind}`).toBe(true);
    }
  });

  it('loses the group’s objects when their enrolment ends', async () => {
    await t.database.db.updateTable('enrolments').set({ status: 'completed' }).where('id', '=', enrolmentC).execute();
    try {
      expect(await inScope(as(w.participantA2, 'participant'), 'own_groups', 'spacePost', w.spacePostB)).toBe(false);
    } finally {
      await t.database.db.updateTable('enrolments').set({ status: 'active' }).where('id', '=', enrolmentC).execute();
    }
  });

  it('gives admins nothing by own-groups scope', async () => {
    expect(await inScope(as(w.admin, 'admin'), 'own_groups', 'group', w.groupB)).toBe(false);
    expect(await inScope(as(w.admin, 'admin'), 'own_groups', 'user', w.admin.id)).toBe(false);
  });
});

describe('break-glass scope', () => {
  it('reaches only the groups with an unexpired grant of the caller', async () => {
    const admin = as(w.admin, 'admin');
    expect(await inScope(admin, 'break_glass', 'session', w.sessionB)).toBe(false);
    const at = now();
    const expires = new Date(at.getTime() + 60 * 60_000);
    await t.database.db
      .insertInto('break_glass_grants')
      .values({ id: newId(), user_id: w.admin.id, group_id: w.groupB, reason: 'Coroner’s request, ref 2026/114.', created_at: at.toISOString(), expires_at: expires.toISOString() })
      .execute();
    expect(await inScope(admin, 'break_glass', 'session', w.sessionB, at)).toBe(true);
    expect(await inScope(admin, 'break_glass', 'group', w.groupB, at)).toBe(true);
    expect(await inScope(admin, 'break_glass', 'session', w.sessionA, at)).toBe(false);
    // Objects with no group (a member's own journal) are never opened by a group's grant.
    expect(await inScope(admin, 'break_glass', 'journalEntry', w.journalEntryB, at)).toBe(false);
    // Another admin's grant is not this one's; an expired grant opens nothing.
    const other = await createUser(t, 'admin');
    expect(await inScope(as(other, 'admin'), 'break_glass', 'session', w.sessionB, at)).toBe(false);
    expect(await inScope(admin, 'break_glass', 'session', w.sessionB, expires)).toBe(false);
  });
});
