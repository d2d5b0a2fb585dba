import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { call, createWorld, signIn, type World } from '../../testing/fixtures.js';
import { scheduledSessionRow } from '../../testing/rows.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import type { ReminderSettings } from './claim.js';
import { MEASURE_INTERVAL_MS, sendMeasureReminders } from './send-measure-reminders.js';
import { sendSessionReminders } from './send-session-reminders.js';

// Reminders that go out (issue 16 item 1): before sessions and for questionnaires waiting, each
// once, as each person chose, without clinical detail.

let t: TestApp;
let world: World;
const SERVICE = 'Eastgate Anxiety and Depression Service';
const settings: ReminderSettings = { smtpConfigured: true, publicUrl: 'https://hearth.example.org', serviceName: SERVICE, locale: 'en-GB', timeZone: 'Europe/London' };
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
});
afterAll(async () => t.close());
// Each test's sessions are cancelled after it, so the next one starts with none ahead.
const created: string[] = [];
afterEach(async () => {
  if (created.length) await t.database.db.updateTable('group_sessions').set({ status: 'cancelled' }).where('id', 'in', created.splice(0)).execute();
  await t.database.db.deleteFrom('mail_outbox').where('kind', 'in', ['session_reminder', 'measure_reminder']).execute();
});

async function sessionIn(hours: number, groupId = world.groupA) {
  const id = newId();
  const now = new Date().toISOString();
  const startsAt = new Date(Date.now() + hours * HOUR).toISOString();
  await t.database.db
    .insertInto('group_sessions')
    .values(scheduledSessionRow({ id, groupId, startsAt, topic: 'Noticing worry spirals', createdAt: now }))
    .execute();
  created.push(id);
  return { id, startsAt };
}
const reminders = (kind = 'session_reminder') => t.database.db.selectFrom('mail_outbox').selectAll().where('kind', '=', kind).orderBy('created_at').execute();
const later = (ms: number) => new Date(Date.now() + ms);

describe('session reminders', () => {
  it('are opt-in: nothing goes to a member who has not turned them on', async () => {
    await sessionIn(23);
    expect(await sendSessionReminders(t.database.db, settings, new Date())).toBe(0);
    expect(await reminders()).toEqual([]);
    const a = await signIn(t, world.participantA);
    expect((await call(t.app, a, 'GET', '/api/me/notification-preferences')).json()).toMatchObject({ sessionReminders: { email: false }, questionnaireReminders: { email: true } });
    const on = await call(t.app, a, 'PUT', '/api/me/notification-preferences', { sessionReminders: { email: true } });
    expect(on.statusCode).toBe(200);
    expect(on.json().sessionReminders).toEqual({ email: true, sms: false });
    // Only the member who turned them on; A2 has not.
    expect(await sendSessionReminders(t.database.db, settings, new Date())).toBe(1);
    expect((await reminders()).map((m) => m.to_address)).toEqual([world.participantA.email]);
    // A2 turns them on too: from here on both members are reminded.
    expect((await call(t.app, await signIn(t, world.participantA2), 'PUT', '/api/me/notification-preferences', { sessionReminders: { email: true } })).statusCode).toBe(200);
  });

  it('e-mails each active member who opted in 24 h and 2 h before, once each however often and wherever the job runs', async () => {
    const session = await sessionIn(23);
    const members = [world.participantA.email, world.participantA2.email].sort();
    // Two instances at once, then again: one reminder per member.
    const [first, second] = await Promise.all([sendSessionReminders(t.database.db, settings, new Date()), sendSessionReminders(t.database.db, settings, new Date())]);
    expect(first + second).toBe(2);
    expect(await sendSessionReminders(t.database.db, settings, later(60_000))).toBe(0);
    let mail = await reminders();
    expect(mail.map((m) => m.to_address).sort()).toEqual(members);
    expect(mail.every((m) => m.subject === 'Reminder: your session tomorrow' && m.status === 'queued')).toBe(true);
    // Between the two: nothing.
    expect(await sendSessionReminders(t.database.db, settings, later(10 * HOUR))).toBe(0);
    // 2 hours before: the second reminder, once.
    expect(await sendSessionReminders(t.database.db, settings, later(21.5 * HOUR))).toBe(2);
    expect(await sendSessionReminders(t.database.db, settings, later(21.6 * HOUR))).toBe(0);
    mail = await reminders();
    expect(mail.filter((m) => m.subject === 'Reminder: your session starts soon')).toHaveLength(2);
    const stored = await t.database.db.selectFrom('reminder_sends').select(['user_id', 'slot']).where('subject_ref', '=', session.id).execute();
    expect(stored).toHaveLength(4);
  });

  it('carries no group, programme, topic or service name in the subject, and no clinical detail in the body', async () => {
    await sessionIn(20);
    await sendSessionReminders(t.database.db, settings, new Date());
    const [mail] = await reminders();
    const names = await t.database.db
      .selectFrom('therapy_groups as g')
      .innerJoin('programmes as p', 'p.id', 'g.programme_id')
      .select(['g.name as group', 'p.name as programme'])
      .where('g.id', '=', world.groupA)
      .executeTakeFirstOrThrow();
    expect(mail!.subject).not.toContain(SERVICE);
    for (const part of [mail!.subject, mail!.body_text, mail!.body_html ?? '']) {
      for (const secret of [names.group, names.programme, 'Noticing worry spirals', 'anxiety', 'Anxiety', 'depression']) expect(part).not.toContain(secret);
    }
    expect(mail!.body_text).toContain('https://hearth.example.org/upcoming');
    expect(mail!.body_text).toContain('https://hearth.example.org/account');
    expect(mail!.body_html).toContain('href="https://hearth.example.org/upcoming"');
  });

  it('sends only the reminder still ahead when the job comes late, and reminds again when the session moves', async () => {
    const session = await sessionIn(1.5);
    expect(await sendSessionReminders(t.database.db, settings, new Date())).toBe(2);
    expect((await reminders()).every((m) => m.subject === 'Reminder: your session starts soon')).toBe(true);
    const moved = new Date(Date.now() + 20 * HOUR).toISOString();
    await t.database.db.updateTable('group_sessions').set({ starts_at: moved }).where('id', '=', session.id).execute();
    expect(await sendSessionReminders(t.database.db, settings, new Date())).toBe(2);
    await t.database.db.updateTable('group_sessions').set({ status: 'cancelled' }).where('id', '=', session.id).execute();
    expect(await sendSessionReminders(t.database.db, settings, later(19 * HOUR))).toBe(0);
  });

  it('honours a member turning session reminders off, and skips paused members', async () => {
    const a2 = await signIn(t, world.participantA2);
    const off = await call(t.app, a2, 'PUT', '/api/me/notification-preferences', { sessionReminders: { email: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ emailAddress: world.participantA2.email, sessionReminders: { email: false, sms: false }, questionnaireReminders: { email: true } });
    await t.database.db.updateTable('enrolments').set({ status: 'paused' }).where('participant_id', '=', world.participantA.id).where('group_id', '=', world.groupA).execute();
    try {
      await sessionIn(22);
      expect(await sendSessionReminders(t.database.db, settings, new Date())).toBe(0);
      await t.database.db.updateTable('enrolments').set({ status: 'active' }).where('participant_id', '=', world.participantA.id).where('group_id', '=', world.groupA).execute();
      expect(await sendSessionReminders(t.database.db, settings, new Date())).toBe(1);
      expect((await reminders()).map((m) => m.to_address)).toEqual([world.participantA.email]);
    } finally {
      await t.database.db.updateTable('enrolments').set({ status: 'active' }).where('participant_id', '=', world.participantA.id).where('group_id', '=', world.groupA).execute();
      await call(t.app, a2, 'PUT', '/api/me/notification-preferences', { sessionReminders: { email: true } });
    }
  });
});

describe('questionnaire reminders', () => {
  it('reminds gently — once, then at most weekly — and stops when answered or turned off', async () => {
    const db = t.database.db;
    await db
      .insertInto('measure_schedules')
      .values({
        id: newId(),
        programme_id: null,
        group_id: world.groupA,
        instrument_code: 'phq-9',
        trigger: 'enrolment',
        every_n: null,
        created_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(await sendMeasureReminders(db, settings, new Date())).toBe(2);
    expect(await sendMeasureReminders(db, settings, later(3 * 86_400_000))).toBe(0);
    const [mail] = await reminders('measure_reminder');
    expect(mail!.subject).toBe('A short questionnaire is waiting for you');
    for (const secret of ['PHQ', 'phq', 'depression', 'Depression', SERVICE]) expect(mail!.subject + mail!.body_text + mail!.body_html).not.toContain(secret);
    // A week on, still unanswered by A; A2 answered and turned nothing off.
    await db.updateTable('measure_requests').set({ status: 'completed', completed_at: new Date().toISOString() }).where('participant_id', '=', world.participantA2.id).execute();
    expect(await sendMeasureReminders(db, settings, later(MEASURE_INTERVAL_MS + 60_000))).toBe(1);
    expect((await reminders('measure_reminder')).at(-1)!.to_address).toBe(world.participantA.email);
    // A turns questionnaire reminders off: nothing more.
    const a = await signIn(t, world.participantA);
    expect((await call(t.app, a, 'PUT', '/api/me/notification-preferences', { questionnaireReminders: { email: false } })).statusCode).toBe(200);
    expect(await sendMeasureReminders(db, settings, later(3 * MEASURE_INTERVAL_MS))).toBe(0);
    expect((await call(t.app, a, 'GET', '/api/me/notification-preferences')).json().questionnaireReminders).toEqual({ email: false });
  });
});

describe('notification preferences', () => {
  it('are each person’s own: anonymous callers are refused, bad values are 400 and change nothing', async () => {
    expect((await call(t.app, null, 'GET', '/api/me/notification-preferences')).statusCode).toBe(401);
    const b = await signIn(t, world.participantB);
    for (const body of [{}, { sessionReminders: { email: 'yes' } }, { sessionReminders: { sms: 'yes' } }, { sessionReminders: { email: false }, pushReminders: { email: true } }]) {
      const refused = await call(t.app, b, 'PUT', '/api/me/notification-preferences', body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().error.code).toBe('validation_failed');
    }
    // Nothing chosen: session reminders off (opt-in), questionnaire reminders on.
    expect((await call(t.app, b, 'GET', '/api/me/notification-preferences')).json()).toMatchObject({ sessionReminders: { email: false }, questionnaireReminders: { email: true } });
    const rows = await t.database.db.selectFrom('notification_preferences').select('user_id').where('user_id', '=', world.participantB.id).execute();
    expect(rows).toEqual([]);
    // Staff have the same page for themselves.
    expect((await call(t.app, await signIn(t, world.clinicianA), 'GET', '/api/me/notification-preferences')).statusCode).toBe(200);
  });
});
