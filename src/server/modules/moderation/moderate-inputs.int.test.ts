import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '../../lib/ids.js';
import { createWorld, type World, watchPhrases, refusal } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { assessLayer1, assessRisk, detectorFaults } from '../risk/assess-risk.js';
import { NEW_MEMBER_HELD_ITEMS } from './decision.js';
import { assertSendable, moderate, RISK_CONTEXT_MINUTES, statusOf, type ModerationAuthor } from './moderate.js';

// What moderate() reads besides the text (issue 17, the moderation mutation gate): the author's
// own recent messages (risk split across messages), the group's pseudonyms (an "@name" mention is
// not a handle), the author's published count (new members are held), and what it refuses.
// Every test moves the clock on a day, so no test's messages fall into another's 30 minutes.

let t: TestApp;
let world: World;
let enrolmentA2: string;
let day = 0;
let seq = 10_000;
const ALWAYS = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })));
// Read together they are urgent (a place of danger and a reason). The reason alone is not urgent,
// nor is the place to the frames and phrase rules (the only layers that read messages together).
const PLACE = 'sat by the river';
const REASON = 'nobody would even notice';

/** A fresh "now" for each test, a day after the last. */
function nextDay(): Date {
  day += 1;
  return new Date(t.clock.now().getTime() + day * 86_400_000);
}

/** A message the author sent in a group `minutesAgo` before `now` (already moderated and stored). */
async function sent(author: World['participantA'], groupId: string, body: string, now: Date, minutesAgo: number, role: 'participant' | 'clinician' = 'participant'): Promise<void> {
  seq += 1;
  await t.database.db
    .insertInto('space_posts')
    .values({
      id: newId(),
      group_id: groupId,
      thread_id: null,
      kind: 'message',
      seq,
      version_seq: seq,
      author_id: author.id,
      enrolment_id: null,
      author_role: role,
      client_id: null,
      body,
      reply_to_id: null,
      moderation_status: 'published',
      moderation_reasons: null,
      status_reason: null,
      created_at: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
      edited_at: null,
      removed_at: null,
      removed_by: null,
    })
    .execute();
}

const alice = (): ModerationAuthor => ({ userId: world.participantA.id, role: 'participant', enrolmentId: world.enrolmentA });
const aaron = (): ModerationAuthor => ({ userId: world.participantA2.id, role: 'participant', enrolmentId: enrolmentA2 });
const clinician = (): ModerationAuthor => ({ userId: world.clinicianA.id, role: 'clinician', enrolmentId: null });

function preview(author: ModerationAuthor, fields: Record<string, string>, now: Date, groupId = world.groupA) {
  return moderate(t.database.db, { groupId, author, kind: 'message', fields, dryRun: true }, now);
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  await t.database.db.updateTable('therapy_groups').set({ staffed_hours: ALWAYS }).execute();
  enrolmentA2 = (await t.database.db.selectFrom('enrolments').select('id').where('participant_id', '=', world.participantA2.id).executeTakeFirstOrThrow()).id;
  const now = t.clock.now().toISOString();
  await t.database.db
    .insertInto('watched_phrases')
    .values({ id: newId(), phrase: 'thinspo', normalized: 'thinspo', action: 'block', note: null, created_by: world.admin.id, created_at: now, updated_by: null, updated_at: now })
    .execute();
});
afterAll(async () => t?.close());

describe('the author’s recent messages, read with the new one', () => {
  it('the two halves are not urgent alone (the premise of the tests below)', () => {
    expect(assessLayer1(PLACE).tier).not.toBe('urgent');
    expect(assessRisk(REASON).tier).not.toBe('urgent');
  });

  it('reads the author’s message of 10 minutes ago: urgent, self-harm, explained, held for the care team', async () => {
    const now = nextDay();
    await sent(world.participantA, world.groupA, PLACE, now, 10);
    const decision = await preview(alice(), { text: REASON }, now);
    expect(decision.risk).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
    expect(decision.risk.explanation.at(-1)).toMatch(/read together with the author’s messages of the last 30 minutes/);
    expect(decision.outcome).toBe('hold');
    expect(decision.reasons.map((r) => r.code)).toContain('risk_urgent');
  });

  it('reads back exactly 30 minutes, and not a minute more', async () => {
    expect(RISK_CONTEXT_MINUTES).toBe(30);
    const edge = nextDay();
    await sent(world.participantA, world.groupA, PLACE, edge, 30);
    expect((await preview(alice(), { text: REASON }, edge)).risk.tier).toBe('urgent');
    const older = nextDay();
    await sent(world.participantA, world.groupA, PLACE, older, 31);
    expect((await preview(alice(), { text: REASON }, older)).risk.tier).not.toBe('urgent');
  });

  it('reads only the author’s own messages, in this group', async () => {
    const someoneElse = nextDay();
    await sent(world.participantA2, world.groupA, PLACE, someoneElse, 5);
    expect((await preview(alice(), { text: REASON }, someoneElse)).risk.tier).not.toBe('urgent');
    // The same author's message in another group is another conversation.
    const otherGroup = nextDay();
    await sent(world.participantA, world.groupB, PLACE, otherGroup, 5);
    expect((await preview(alice(), { text: REASON }, otherGroup)).risk.tier).not.toBe('urgent');
    // Aaron's own message does count for Aaron.
    expect((await preview(aaron(), { text: REASON }, someoneElse)).risk.tier).toBe('urgent');
  });

  it('reads the author’s five latest messages, not older ones', async () => {
    const now = nextDay();
    await sent(world.participantA, world.groupA, PLACE, now, 20);
    for (let i = 0; i < 5; i++) await sent(world.participantA, world.groupA, `lovely walk today ${i + 1}`, now, 15 - i);
    expect((await preview(alice(), { text: REASON }, now)).risk.tier).not.toBe('urgent');
    // With four after it, the place is among the five latest and is read.
    const four = nextDay();
    await sent(world.participantA, world.groupA, PLACE, four, 20);
    for (let i = 0; i < 4; i++) await sent(world.participantA, world.groupA, `lovely walk today ${i + 1}`, four, 15 - i);
    expect((await preview(alice(), { text: REASON }, four)).risk.tier).toBe('urgent');
  });

  it('reads them oldest first, as they were written: the explanation cites the first place named', async () => {
    const now = nextDay();
    await sent(world.participantA, world.groupA, 'i am standing on the bridge', now, 12);
    await sent(world.participantA, world.groupA, PLACE, now, 6);
    const decision = await preview(alice(), { text: 'i am scared' }, now);
    expect(decision.risk.tier).toBe('urgent');
    expect(decision.risk.explanation[0]).toMatch(/^Urgent \(frame, self-harm\): “standing on the bridge” — at a place of danger/);
  });

  it('does not read a clinician’s own earlier messages (no alerts are raised about staff), but still assesses what they write', async () => {
    const now = nextDay();
    await sent(world.clinicianA, world.groupA, PLACE, now, 5, 'clinician');
    const decision = await preview(clinician(), { text: REASON }, now);
    expect(decision.risk.tier).toBe(assessRisk(REASON).tier);
    expect(decision.risk.tier).not.toBe('urgent');
    expect((await preview(clinician(), { text: 'i have the pills ready and i am going to do it tonight' }, now)).risk.tier).toBe('urgent');
  });

  it('gives the same text a new answer when the recent messages differ (the preview’s cache is keyed on both)', async () => {
    const now = nextDay();
    const alone = await preview(alice(), { text: REASON }, now);
    expect(alone.risk.tier).not.toBe('urgent');
    await sent(world.participantA, world.groupA, PLACE, now, 1);
    expect((await preview(alice(), { text: REASON }, now)).risk.tier).toBe('urgent');
  });

  it('a detector failure is never answered from the cache: the same text, assessed before, is held', async () => {
    const now = nextDay();
    const text = 'see you all on thursday at the usual time';
    expect((await preview(aaron(), { text }, now)).reasons.map((r) => r.code)).not.toContain('risk_check_failed');
    detectorFaults.next = new Error('model file unreadable');
    const failed = await preview(aaron(), { text }, now);
    expect(detectorFaults.next).toBeNull();
    expect(failed.outcome).toBe('hold');
    expect(failed.reasons.map((r) => r.code)).toContain('risk_check_failed');
  });

  it('logs a detector failure for operators with the kind, group and error, never the member’s words', async () => {
    const now = nextDay();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      detectorFaults.next = new Error('model file unreadable');
      await preview(aaron(), { text: 'my private words about my week' }, now);
      expect(errors).toHaveBeenCalledTimes(1);
      const line = String(errors.mock.calls[0]?.[0]);
      expect(JSON.parse(line)).toEqual({
        level: 'error',
        msg: 'risk detector failed; item held for a clinician',
        kind: 'message',
        groupId: world.groupA,
        err: 'model file unreadable',
      });
      expect(line).not.toContain('private words');
      detectorFaults.next = Object.assign(Object.create(null) as object, { toString: () => 'not an Error' }) as Error;
      await preview(aaron(), { text: 'another week' }, now);
      expect(JSON.parse(String(errors.mock.calls[1]?.[0]))).toMatchObject({ err: 'not an Error' });
    } finally {
      errors.mockRestore();
    }
  });
});

describe('an item of several fields is read whole, as a peer reads it', () => {
  it('a short title is not misread on its own: "Tonight" over an ordinary message is no risk', async () => {
    // Alone, the model reads the bare word as urgent; the thread as a whole is an invitation.
    expect(assessRisk('Tonight').tier).toBe('urgent');
    const thread = await preview(alice(), { title: 'Tonight', text: 'see you all at the group' }, nextDay());
    expect(thread.risk.tier).toBe('none');
    expect(thread.reasons.map((r) => r.code)).not.toContain('risk_urgent');
  });

  it('a coping strategy is read with its steps: cold water on the wrists is a skill, not a plan', async () => {
    const fields = { title: 'Cold water on my wrists', whenHelps: 'When the urge is strong', steps: 'Hold my wrists under the cold tap for a minute, then breathe slowly' };
    expect(assessRisk(fields.title).tier).toBe('urgent');
    const strategy = await moderate(t.database.db, { groupId: world.groupA, author: alice(), kind: 'strategy', fields, dryRun: true }, nextDay());
    expect(strategy.risk.tier).toBe('none');
  });
});

describe('@mentions of the group’s own members are not handles', () => {
  it('allows "@Cedar" (a member of this group) at the start, in the middle and at the end of a message', async () => {
    const now = nextDay();
    for (const text of ['@Cedar thank you for tuesday', 'thank you @cedar, see you tuesday', 'see you tuesday @CEDAR']) {
      const decision = await preview(alice(), { text }, now);
      expect(decision.contactDetails, text).toBeNull();
    }
    await expect(moderate(t.database.db, { groupId: world.groupA, author: alice(), kind: 'message', fields: { text: '@Cedar see you tuesday' } }, now)).resolves.toMatchObject({
      contactDetails: null,
    });
  });

  it('refuses "@Harbour" (a member of another group) and an unknown handle, naming the field', async () => {
    const now = nextDay();
    for (const text of ['@Harbour see you', 'see you, @harbour', 'follow @jo_smith99']) {
      expect((await preview(alice(), { text }, now)).contactDetails, text).toMatchObject({ kind: 'social_handle', field: 'text' });
    }
    const error = await refusal(moderate(t.database.db, { groupId: world.groupA, author: alice(), kind: 'post', fields: { title: 'hello @harbour', text: 'see you' } }, now));
    expect([error.code, error.status, error.details]).toEqual(['contact_details_refused', 422, [{ path: 'body.title', message: 'social_handle' }]]);
  });

  it('allows a mention in any one field of an item of several', async () => {
    const decision = await preview(alice(), { title: 'thank you @cedar', text: 'see you on tuesday' }, nextDay());
    expect(decision.contactDetails).toBeNull();
  });

  it('reads a full-width ＠ as @ (the text is stored in NFKC)', async () => {
    const now = nextDay();
    expect((await preview(alice(), { text: '＠cedar thank you' }, now)).contactDetails).toBeNull();
    expect((await preview(alice(), { text: '＠jo_smith99' }, now)).contactDetails).toMatchObject({ kind: 'social_handle' });
  });

  it('compares pseudonyms in their NFKC, lower-case form', async () => {
    const groupId = newId();
    const now = t.clock.now().toISOString();
    await t.database.db
      .insertInto('therapy_groups')
      .values({ id: groupId, programme_id: world.programmeId, name: 'Group C', status: 'active', created_at: now, staffed_hours: ALWAYS })
      .execute();
    const enrolment = newId();
    await t.database.db
      .insertInto('enrolments')
      .values([
        { id: enrolment, group_id: groupId, participant_id: world.participantA.id, pseudonym: 'Willow', status: 'active', joined_at: now, left_at: null, created_at: now },
        { id: newId(), group_id: groupId, participant_id: world.participantB.id, pseudonym: 'Ｒｏｗａｎ', status: 'active', joined_at: now, left_at: null, created_at: now },
      ])
      .execute();
    const author = { userId: world.participantA.id, role: 'participant' as const, enrolmentId: enrolment };
    expect((await preview(author, { text: 'thanks @rowan' }, nextDay(), groupId)).contactDetails).toBeNull();
  });
});

describe('a new member’s items are held until enough of theirs reached the group', () => {
  async function logged(authorId: string, groupId: string, actions: string[], itemId = newId()): Promise<void> {
    for (const action of actions) {
      await t.database.db
        .insertInto('moderation_log')
        .values({
          id: newId(),
          item_kind: 'message',
          item_id: itemId,
          group_id: groupId,
          author_id: authorId,
          actor_id: null,
          action,
          reason: 'test',
          created_at: t.clock.now().toISOString(),
        })
        .execute();
    }
  }

  it('counts published, flagged and approved items once each; held, rejected and other groups’ items do not count', async () => {
    const newcomer = await t.database.db.selectFrom('users').select('id').where('id', '=', world.participantB.id).executeTakeFirstOrThrow();
    const groupId = newId();
    const now = t.clock.now().toISOString();
    await t.database.db
      .insertInto('therapy_groups')
      .values({ id: groupId, programme_id: world.programmeId, name: 'Group D', status: 'active', created_at: now, staffed_hours: ALWAYS })
      .execute();
    const enrolment = newId();
    await t.database.db
      .insertInto('enrolments')
      .values({ id: enrolment, group_id: groupId, participant_id: newcomer.id, pseudonym: 'Heron', status: 'active', joined_at: now, left_at: null, created_at: now })
      .execute();
    const author = { userId: newcomer.id, role: 'participant' as const, enrolmentId: enrolment };
    const codes = async () => (await preview(author, { text: 'see you all next week' }, nextDay(), groupId)).reasons.map((r) => r.code);

    expect(await codes()).toEqual(['new_member']);
    // Items held or rejected, and items in another group, are not items that reached this group.
    await logged(newcomer.id, groupId, ['held']);
    await logged(newcomer.id, groupId, ['held', 'rejected']);
    for (let i = 0; i < NEW_MEMBER_HELD_ITEMS; i++) await logged(newcomer.id, world.groupB, ['published']);
    for (let i = 0; i < NEW_MEMBER_HELD_ITEMS; i++) await logged(world.participantA.id, groupId, ['published']);
    expect(await codes()).toEqual(['new_member']);
    // One item held, then approved, then flagged by a later edit, is one item.
    await logged(newcomer.id, groupId, ['held', 'approved', 'flagged']);
    expect(await codes()).toEqual(['new_member']);
    // Three different items that reached the group, one of each action: no longer new.
    await logged(newcomer.id, groupId, ['published']);
    expect(await codes()).toEqual(['new_member']);
    await logged(newcomer.id, groupId, ['flagged']);
    expect(await codes()).toEqual([]);
  });

  it('counts an approved item as reaching the group', async () => {
    const groupId = newId();
    const now = t.clock.now().toISOString();
    await t.database.db
      .insertInto('therapy_groups')
      .values({ id: groupId, programme_id: world.programmeId, name: 'Group E', status: 'active', created_at: now, staffed_hours: ALWAYS })
      .execute();
    const enrolment = newId();
    await t.database.db
      .insertInto('enrolments')
      .values({ id: enrolment, group_id: groupId, participant_id: world.participantB.id, pseudonym: 'Lark', status: 'active', joined_at: now, left_at: null, created_at: now })
      .execute();
    const author = { userId: world.participantB.id, role: 'participant' as const, enrolmentId: enrolment };
    for (let i = 0; i < NEW_MEMBER_HELD_ITEMS; i++) await logged(world.participantB.id, groupId, ['held', 'approved']);
    expect((await preview(author, { text: 'see you all next week' }, nextDay(), groupId)).reasons).toEqual([]);
  });
});

describe('what moderate() refuses', () => {
  it('an empty field, naming it; no field at all, naming the text', async () => {
    const now = nextDay();
    const empty = await refusal(preview(alice(), { title: 'hello', text: ' \u200B ' }, now));
    expect([empty.code, empty.details]).toEqual(['validation_failed', [{ path: 'body.text', message: 'Required.' }]]);
    const emptyTitle = await refusal(preview(alice(), { title: '   ', text: 'hello' }, now));
    expect(emptyTitle.details).toEqual([{ path: 'body.title', message: 'Required.' }]);
    const none = await refusal(preview(alice(), {}, now));
    expect([none.code, none.message, none.details]).toEqual(['validation_failed', 'Write something first.', [{ path: 'body.text', message: 'Required.' }]]);
  });

  it('a group that does not exist, with not_found', async () => {
    const error = await refusal(preview(alice(), { text: 'hello' }, nextDay(), newId()));
    expect([error.code, error.status, error.message]).toEqual(['not_found', 404, 'This group was not found.']);
  });

  it('contact details before a blocked phrase, when a message has both', async () => {
    const now = nextDay();
    const both = await refusal(
      moderate(t.database.db, { groupId: world.groupA, author: alice(), kind: 'message', fields: { text: 'thinspo tips, text me on 07700 900123' } }, now),
    );
    expect(both.code).toBe('contact_details_refused');
    const blocked = await refusal(moderate(t.database.db, { groupId: world.groupA, author: alice(), kind: 'message', fields: { text: 'any thinspo tips?' } }, now));
    expect([blocked.code, blocked.status, blocked.message]).toEqual([
      'blocked_phrase',
      422,
      'This contains a phrase this service does not allow in the group space. Please rephrase it and send again.',
    ]);
    expect(() => assertSendable({ contactDetails: null, blockedPhrase: false })).not.toThrow();
  });

  it('redacts only the phrases marked redact: a phrase that holds stays in the text the clinician reviews', async () => {
    await watchPhrases(t, world.admin.id, [
      ['meet up', 'hold'],
      ['shakes', 'flag'],
      ['bloody', 'redact'],
    ]);
    const held = await preview(alice(), { text: 'shall we meet up for shakes after group' }, nextDay());
    expect(held.reasons.map((r) => r.code)).toContain('watched_phrase_hold');
    expect(held.flagged).toBe(true);
    expect(held.text).toBe('shall we meet up for shakes after group');
    expect((await preview(alice(), { text: 'bloody bus, shall we meet up' }, nextDay())).text).toBe('[removed] bus, shall we meet up');
  });

  it('a preview is a decision, not a refusal; sending is not a preview', async () => {
    const now = nextDay();
    const dry = await preview(alice(), { text: 'any thinspo tips?' }, now);
    expect(dry).toMatchObject({ dryRun: true, blockedPhrase: true, kind: 'message', groupId: world.groupA, author: alice() });
    const sentDecision = await moderate(t.database.db, { groupId: world.groupA, author: alice(), kind: 'message', fields: { text: 'see you on tuesday' } }, now);
    expect(sentDecision.dryRun).toBe(false);
    expect(statusOf(sentDecision)).toBe(sentDecision.outcome === 'publish' ? 'published' : 'held');
    expect(statusOf({ outcome: 'hold' })).toBe('held');
    expect(statusOf({ outcome: 'publish' })).toBe('published');
  });
});
