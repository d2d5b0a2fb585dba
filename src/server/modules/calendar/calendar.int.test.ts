import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../lib/ids.js';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let world: World;
let clinician: Session;
let year: number;
/** Group A's weekly 18:00 London sessions across the October clock change, in order. */
let dstSessions: { id: string; starts_at: string; ends_at: string }[];

const DAY_MS = 86_400_000;
const MEETING_URL = 'https://meet.example.org/abc';

interface FeedEvent {
  uid: string;
  dtstart: string;
  dtend: string;
  status: string;
  summary: string;
  description: string;
  url: string | undefined;
  location: string | undefined;
}

/** Unfolds an iCalendar text and reads its events' properties (enough for these tests). */
function parseEvents(ics: string): FeedEvent[] {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('BEGIN:VEVENT\r\n')
    .slice(1)
    .map((block) => {
      const lines = block.split('\r\n');
      const value = (name: string) => {
        const line = lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
        return line?.slice(line.indexOf(':') + 1);
      };
      const property = (name: string) => lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`)) ?? '';
      return {
        uid: value('UID') ?? '',
        dtstart: property('DTSTART'),
        dtend: property('DTEND'),
        status: value('STATUS') ?? '',
        summary: value('SUMMARY') ?? '',
        description: (value('DESCRIPTION') ?? '').replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1'),
        url: value('URL'),
        location: value('LOCATION'),
      };
    });
}

function uidOf(sessionId: string): string {
  return `${sessionId}@hearth`;
}

/** The feed's path from the URL the API hands out. */
function feedPath(url: string): string {
  return new URL(url).pathname;
}

async function newFeed(session: Session): Promise<string> {
  const response = await call(t.app, session, 'POST', '/api/me/calendar-feed');
  expect(response.statusCode).toBe(201);
  return response.json().url as string;
}

async function fetchFeed(url: string) {
  return call(t.app, null, 'GET', feedPath(url));
}

/** The last Sunday of October: the day British clocks go back. */
function lastSundayOfOctober(y: number): number {
  for (let day = 31; ; day--) if (new Date(Date.UTC(y, 9, day)).getUTCDay() === 0) return day;
}

beforeAll(async () => {
  t = await createTestApp();
  // The sessions must start in the coming October, inside the feed's year ahead: move the test
  // clock forward when today is too close to (or past) this year's one.
  const now = t.clock.now();
  year = now.getTime() < Date.UTC(now.getUTCFullYear(), 9, 1) ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
  const lastSession = Date.UTC(year, 10, 8, 20);
  if (lastSession - now.getTime() > 300 * DAY_MS) t.clock.advance(lastSession - now.getTime() - 300 * DAY_MS);
  world = await createWorld(t);
  clinician = await signIn(t, world.clinicianA);
  const schedule = await call(t.app, clinician, 'PUT', `/api/groups/${world.groupA}/schedule`, {
    rrule: 'FREQ=WEEKLY;COUNT=4',
    firstSessionLocal: `${year}-10-18T18:00`,
    timezone: 'Europe/London',
    durationMinutes: 90,
  });
  expect(schedule.statusCode, schedule.body).toBe(200);
  const patch = await call(t.app, clinician, 'PATCH', `/api/groups/${world.groupA}`, { meetingUrl: MEETING_URL, location: 'Room 4' });
  expect(patch.statusCode, patch.body).toBe(200);
  dstSessions = await t.database.db
    .selectFrom('group_sessions')
    .select(['id', 'starts_at', 'ends_at'])
    .where('group_id', '=', world.groupA)
    .where('origin', '=', 'schedule')
    .orderBy('starts_at')
    .execute();
});
afterAll(async () => t.close());

describe('calendar feed', () => {
  it('hands out a secret link once, stores only its hash, and reports whether a feed is on', async () => {
    const before = (await call(t.app, clinician, 'GET', '/api/me/calendar-feed')).json();
    expect(before).toEqual({ active: false, createdAt: null, preferences: { showLocation: false, showServiceName: false, ownChoice: false }, serviceDefault: 'discreet' });
    const url = await newFeed(clinician);
    expect(url).toMatch(/^http:\/\/[^/]+\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = feedPath(url).replace('/api/calendar/', '').replace('.ics', '');
    const rows = await t.database.db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', world.clinicianA.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const after = await call(t.app, clinician, 'GET', '/api/me/calendar-feed');
    expect(after.json()).toEqual({
      active: true,
      createdAt: expect.any(String),
      preferences: { showLocation: false, showServiceName: false, ownChoice: false },
      serviceDefault: 'discreet',
    });
    expect(after.body).not.toContain(token);
  });

  it('uses the configured public address in the link', async () => {
    const other = await createTestApp({ HEARTH_PUBLIC_URL: 'https://hearth.example.org/' });
    try {
      const otherWorld = await createWorld(other);
      const session = await signIn(other, otherWorld.participantA);
      const response = await call(other.app, session, 'POST', '/api/me/calendar-feed');
      expect(response.json().url).toMatch(/^https:\/\/hearth\.example\.org\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    } finally {
      await other.close();
    }
  });

  it('keeps 18:00 London time on both sides of the October clock change, with the zone defined', async () => {
    expect(dstSessions).toHaveLength(4);
    // Stored instants move with the clocks: 17:00 UTC in summer time, 18:00 UTC after it.
    expect(dstSessions[0]?.starts_at).toBe(`${year}-10-18T17:00:00.000Z`);
    expect(dstSessions[3]?.starts_at).toBe(`${year}-11-08T18:00:00.000Z`);
    const response = await fetchFeed(await newFeed(clinician));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = parseEvents(response.body);
    const days = ['18', '25'].map((d) => `${year}10${d}`).concat(['01', '08'].map((d) => `${year}11${d}`));
    for (const [index, session] of dstSessions.entries()) {
      const event = events.find((e) => e.uid === uidOf(session.id));
      expect(event, session.starts_at).toBeDefined();
      expect(event?.dtstart).toBe(`DTSTART;TZID=Europe/London:${days[index]}T180000`);
      expect(event?.dtend).toBe(`DTEND;TZID=Europe/London:${days[index]}T193000`);
    }
    // The zone is defined in the file, with the change back to GMT at 02:00 local on the last Sunday.
    const unfolded = response.body.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n');
    expect(unfolded).toContain(`BEGIN:STANDARD\r\nDTSTART:${year}10${lastSundayOfOctober(year)}T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\n`);
    expect(unfolded.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
  });

  it('gives each session a stable UID, a neutral title, no place by default, and the meeting link', async () => {
    const url = await newFeed(clinician);
    const first = parseEvents((await fetchFeed(url)).body);
    const second = parseEvents((await fetchFeed(url)).body);
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    const event = first.find((e) => e.uid === uidOf(dstSessions[0]?.id ?? ''));
    expect(event).toMatchObject({ summary: 'Group session', status: 'CONFIRMED', url: MEETING_URL, location: undefined });
    expect(event?.description).toContain(`Join online: ${MEETING_URL}`);
    // The facilitator's own diary names the group.
    expect(event?.description).toContain('Group: Group A');
  });

  it('shows a participant their group’s sessions without the group’s name or topic', async () => {
    const participant = await signIn(t, world.participantA);
    const response = await fetchFeed(await newFeed(participant));
    const events = parseEvents(response.body);
    expect(events.map((e) => e.uid)).toEqual(expect.arrayContaining(dstSessions.map((s) => uidOf(s.id))));
    // Yesterday's session is recent enough to stay on the calendar.
    expect(events.map((e) => e.uid)).toContain(uidOf(world.sessionA));
    for (const event of events) {
      expect(event.summary).toBe('Group session');
      expect(event.description).not.toContain('Group A');
    }
    const topics = await t.database.db.selectFrom('group_sessions').select('topic').where('group_id', '=', world.groupA).execute();
    // (a session without a planned topic is called 'Group session', which is also the event's neutral title)
    for (const { topic } of topics) if (topic !== 'Group session') expect(response.body).not.toContain(topic);
    expect(response.body).not.toContain('Group A');
  });

  it('never shows another group’s sessions', async () => {
    const participantB = await signIn(t, world.participantB);
    const clinicianB = await signIn(t, world.clinicianB);
    const bEvents = parseEvents((await fetchFeed(await newFeed(participantB))).body).map((e) => e.uid);
    expect(bEvents).toEqual([uidOf(world.sessionB)]);
    const clinicianBEvents = parseEvents((await fetchFeed(await newFeed(clinicianB))).body).map((e) => e.uid);
    expect(clinicianBEvents).toEqual([uidOf(world.sessionB)]);
    for (const session of [clinician, await signIn(t, world.participantA)]) {
      const uids = parseEvents((await fetchFeed(await newFeed(session))).body).map((e) => e.uid);
      expect(uids).not.toContain(uidOf(world.sessionB));
    }
  });

  it('keeps a cancelled session as CANCELLED so calendar apps take it off', async () => {
    const target = dstSessions[2]?.id ?? '';
    const cancel = await call(t.app, clinician, 'POST', `/api/group-sessions/${target}/cancel`, { reason: 'Facilitator unwell' });
    expect(cancel.statusCode, cancel.body).toBe(204);
    const participant = await signIn(t, world.participantA);
    const response = await fetchFeed(await newFeed(participant));
    const event = parseEvents(response.body).find((e) => e.uid === uidOf(target));
    expect(event?.status).toBe('CANCELLED');
    expect(event?.summary).toBe('Cancelled: Group session');
    // The reason is for the in-app notice, not for a calendar on a lock screen.
    expect(response.body).not.toContain('unwell');
  });

  it('follows a moved session under the same UID', async () => {
    const target = dstSessions[3]?.id ?? '';
    const move = await call(t.app, clinician, 'POST', `/api/group-sessions/${target}/reschedule`, { startsAtLocal: `${year}-11-09T10:00` });
    expect(move.statusCode, move.body).toBe(204);
    const event = parseEvents((await fetchFeed(await newFeed(clinician))).body).find((e) => e.uid === uidOf(target));
    expect(event?.dtstart).toBe(`DTSTART;TZID=Europe/London:${year}1109T100000`);
  });

  it('stops answering when revoked, with the standard 404', async () => {
    const participant = await signIn(t, world.participantA2);
    const url = await newFeed(participant);
    expect((await fetchFeed(url)).statusCode).toBe(200);
    expect((await call(t.app, participant, 'DELETE', '/api/me/calendar-feed')).statusCode).toBe(204);
    const response = await fetchFeed(url);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String), requestId: expect.any(String) } });
    expect((await call(t.app, participant, 'GET', '/api/me/calendar-feed')).json()).toMatchObject({ active: false, createdAt: null });
  });

  it('invalidates the old link when a new one is made', async () => {
    const participant = await signIn(t, world.participantA);
    const old = await newFeed(participant);
    const fresh = await newFeed(participant);
    expect(fresh).not.toBe(old);
    expect((await fetchFeed(old)).statusCode).toBe(404);
    expect((await fetchFeed(fresh)).statusCode).toBe(200);
    const live = await t.database.db.selectFrom('calendar_feeds').select('id').where('user_id', '=', world.participantA.id).where('revoked_at', 'is', null).execute();
    expect(live).toHaveLength(1);
  });

  it('answers unknown, malformed and deactivated owners’ links alike with 404', async () => {
    for (const path of ['/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics', '/api/calendar/short.ics', "/api/calendar/x'%20OR%201=1"]) {
      const response = await call(t.app, null, 'GET', path);
      expect(response.statusCode, path).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    const participant = await signIn(t, world.participantB);
    const url = await newFeed(participant);
    // The bare token works too (some apps drop the extension).
    expect((await call(t.app, null, 'GET', feedPath(url).replace(/\.ics$/, ''))).statusCode).toBe(200);
    const admin = await signIn(t, world.admin);
    expect((await call(t.app, admin, 'POST', `/api/admin/users/${world.participantB.id}/deactivate`)).statusCode).toBe(200);
    expect((await fetchFeed(url)).statusCode).toBe(404);
  });

  it('drops a group from a participant’s calendar when they leave it', async () => {
    const participant = await signIn(t, world.participantA);
    const url = await newFeed(participant);
    await t.database.db.updateTable('enrolments').set({ status: 'paused' }).where('participant_id', '=', world.participantA.id).execute();
    expect(parseEvents((await fetchFeed(url)).body).length).toBeGreaterThan(0);
    await t.database.db.updateTable('enrolments').set({ status: 'withdrawn' }).where('participant_id', '=', world.participantA.id).execute();
    expect(parseEvents((await fetchFeed(url)).body)).toEqual([]);
    await t.database.db.updateTable('enrolments').set({ status: 'active' }).where('participant_id', '=', world.participantA.id).execute();
  });

  it('audits each read in the owner’s name, without the token', async () => {
    const url = await newFeed(clinician);
    const response = await fetchFeed(url);
    const events = parseEvents(response.body).length;
    const feed = await t.database.db.selectFrom('calendar_feeds').select('id').where('user_id', '=', world.clinicianA.id).where('revoked_at', 'is', null).executeTakeFirstOrThrow();
    const rows = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'calendar.feed.read').where('resource_id', '=', feed.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: world.clinicianA.id, actor_role: 'clinician', outcome: 'success', resource_type: 'calendar_feed' });
    expect(JSON.parse(rows[0]?.detail ?? '{}')).toEqual({ events });
    const token = feedPath(url).replace('/api/calendar/', '').replace('.ics', '');
    const everything = await t.database.db.selectFrom('audit_events').selectAll().execute();
    expect(JSON.stringify(everything)).not.toContain(token);
    const created = everything.filter((r) => r.action === 'calendar.feed.create' && r.actor_user_id === world.clinicianA.id);
    expect(created.length).toBeGreaterThan(0);
  });

  it('is discreet by default: no service name, no place; each person may opt in to either, kept across new links', async () => {
    const other = await createTestApp({ HEARTH_SERVICE_NAME: 'Riverside Community Mental Health Team' });
    try {
      const otherWorld = await createWorld(other);
      const lead = await signIn(other, otherWorld.clinicianA);
      expect((await call(other.app, lead, 'PATCH', `/api/groups/${otherWorld.groupA}`, { location: 'Riverside CMHC, Room 4' })).statusCode).toBe(200);
      const member = await signIn(other, otherWorld.participantA);
      const feedOf = async (session: Session) =>
        (await call(other.app, null, 'GET', feedPath((await call(other.app, session, 'POST', '/api/me/calendar-feed')).json().url as string))).body;
      const discreet = await feedOf(member);
      expect(parseEvents(discreet).length).toBeGreaterThan(0);
      // Nothing on a lock screen or a shared calendar says which service or where.
      expect(discreet).not.toContain('Riverside');
      expect(discreet).not.toContain('Mental Health');
      expect(discreet).not.toMatch(/^LOCATION/m);
      for (const event of parseEvents(discreet)) expect(event.summary).toBe('Group session');

      const chosen = await call(other.app, member, 'PATCH', '/api/me/calendar-preferences', { showLocation: true });
      expect(chosen.statusCode).toBe(200);
      expect(chosen.json()).toEqual({ showLocation: true, showServiceName: false, ownChoice: true });
      const withPlace = parseEvents(await feedOf(member));
      expect(withPlace.every((e) => e.location === 'Riverside CMHC\\, Room 4')).toBe(true);
      expect(withPlace.every((e) => e.summary === 'Group session')).toBe(true);

      expect((await call(other.app, member, 'PATCH', '/api/me/calendar-preferences', { showServiceName: true })).json()).toEqual({
        showLocation: true,
        showServiceName: true,
        ownChoice: true,
      });
      const named = await feedOf(member);
      expect(parseEvents(named).every((e) => e.summary === 'Riverside Community Mental Health Team: Group session')).toBe(true);
      expect(named).toContain('X-WR-CALNAME:Riverside Community Mental Health Team sessions');
      // One person's choice is theirs alone.
      const otherMember = await signIn(other, otherWorld.participantB);
      expect(await feedOf(otherMember)).not.toContain('Riverside');
      expect((await call(other.app, member, 'GET', '/api/me/calendar-feed')).json().preferences).toEqual({ showLocation: true, showServiceName: true, ownChoice: true });

      // The service sets its own discreet title; an admin only, one line, bounded.
      const admin = await signIn(other, otherWorld.admin);
      expect((await call(other.app, admin, 'PATCH', '/api/admin/settings', { 'calendar.event_title': 'Wednesday group' })).statusCode).toBe(200);
      expect((await call(other.app, null, 'GET', feedPath((await call(other.app, otherMember, 'POST', '/api/me/calendar-feed')).json().url as string))).body).toContain(
        'SUMMARY:Wednesday group',
      );
      for (const bad of ['', 'x'.repeat(61), 'two\nlines', 42]) {
        const refused = await call(other.app, admin, 'PATCH', '/api/admin/settings', { 'calendar.event_title': bad });
        expect(refused.statusCode, String(bad)).toBe(400);
      }
      expect((await call(other.app, lead, 'PATCH', '/api/admin/settings', { 'calendar.event_title': 'Clinic' })).statusCode).toBe(403);
      expect((await call(other.app, admin, 'GET', '/api/admin/settings')).json()['calendar.event_title']).toBe('Wednesday group');

      // Bad preference values are refused and change nothing; each change is audited.
      for (const bad of [{ showLocation: 'yes' }, { showLocation: true, extra: 1 }, { showServiceName: null }]) {
        expect((await call(other.app, member, 'PATCH', '/api/me/calendar-preferences', bad)).statusCode, JSON.stringify(bad)).toBe(400);
      }
      expect((await call(other.app, member, 'GET', '/api/me/calendar-feed')).json().preferences).toEqual({ showLocation: true, showServiceName: true, ownChoice: true });
      const audits = await other.database.db
        .selectFrom('audit_events')
        .select(['action', 'detail'])
        .where('action', '=', 'calendar.preferences.update')
        .where('actor_user_id', '=', otherWorld.participantA.id)
        .execute();
      expect(audits).toHaveLength(2);
      expect((await call(other.app, null, 'PATCH', '/api/me/calendar-preferences', { showLocation: true })).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('follows the service’s default privacy until a person chooses; their choice wins either way', async () => {
    const other = await createTestApp({ HEARTH_SERVICE_NAME: 'Northgate Clinic' });
    try {
      const otherWorld = await createWorld(other);
      const lead = await signIn(other, otherWorld.clinicianA);
      expect((await call(other.app, lead, 'PATCH', `/api/groups/${otherWorld.groupA}`, { location: 'Northgate Clinic, Room 2' })).statusCode).toBe(200);
      const admin = await signIn(other, otherWorld.admin);
      const member = await signIn(other, otherWorld.participantA);
      const memberFeed = feedPath((await call(other.app, member, 'POST', '/api/me/calendar-feed')).json().url as string);
      const leadFeed = feedPath((await call(other.app, lead, 'POST', '/api/me/calendar-feed')).json().url as string);
      const read = async (path: string) => (await call(other.app, null, 'GET', path)).body;

      // The default default is discreet: no service or clinic name and no place, for members and facilitators.
      expect((await call(other.app, admin, 'GET', '/api/admin/settings')).json()['calendar.default_privacy']).toBe('discreet');
      for (const path of [memberFeed, leadFeed]) {
        const ics = await read(path);
        expect(parseEvents(ics).length, path).toBeGreaterThan(0);
        expect(ics, path).not.toContain('Northgate');
        expect(ics, path).not.toMatch(/^LOCATION/m);
        expect(ics, path).toContain('X-WR-CALNAME:Sessions');
      }

      // An administrator makes the service's default full: people who have not chosen see the name and place.
      const full = await call(other.app, admin, 'PATCH', '/api/admin/settings', { 'calendar.default_privacy': 'full' });
      expect(full.statusCode, full.body).toBe(200);
      const shown = parseEvents(await read(memberFeed));
      expect(shown.every((e) => e.location === 'Northgate Clinic\\, Room 2' && e.summary === 'Northgate Clinic: Group session')).toBe(true);
      expect((await call(other.app, member, 'GET', '/api/me/calendar-feed')).json()).toMatchObject({
        preferences: { showLocation: true, showServiceName: true, ownChoice: false },
        serviceDefault: 'full',
      });

      // A person who chooses discreet stays discreet under a full default; the others keep the default.
      const own = await call(other.app, member, 'PATCH', '/api/me/calendar-preferences', { showLocation: false, showServiceName: false });
      expect(own.json()).toEqual({ showLocation: false, showServiceName: false, ownChoice: true });
      const discreet = await read(memberFeed);
      expect(discreet).not.toContain('Northgate');
      expect(discreet).not.toMatch(/^LOCATION/m);
      expect(parseEvents(discreet).every((e) => e.summary === 'Group session')).toBe(true);
      expect(await read(leadFeed)).toContain('LOCATION:Northgate Clinic\\, Room 2');

      // Back to a discreet default: a person who chose to show the place keeps it, the rest go discreet.
      expect((await call(other.app, lead, 'PATCH', '/api/me/calendar-preferences', { showLocation: true })).json()).toEqual({
        showLocation: true,
        showServiceName: true,
        ownChoice: true,
      });
      expect((await call(other.app, admin, 'PATCH', '/api/admin/settings', { 'calendar.default_privacy': 'discreet' })).statusCode).toBe(200);
      const leadIcs = await read(leadFeed);
      expect(leadIcs).toContain('LOCATION:Northgate Clinic\\, Room 2');
      const otherMember = await signIn(other, otherWorld.participantA2);
      const otherFeed = feedPath((await call(other.app, otherMember, 'POST', '/api/me/calendar-feed')).json().url as string);
      expect(await read(otherFeed)).not.toContain('Northgate');

      // Only 'discreet' or 'full', set by an admin only; the discreet title may not name the service.
      for (const bad of ['public', '', true]) {
        expect((await call(other.app, admin, 'PATCH', '/api/admin/settings', { 'calendar.default_privacy': bad })).statusCode, String(bad)).toBe(400);
      }
      expect((await call(other.app, lead, 'PATCH', '/api/admin/settings', { 'calendar.default_privacy': 'full' })).statusCode).toBe(403);
      expect((await call(other.app, member, 'PATCH', '/api/admin/settings', { 'calendar.default_privacy': 'full' })).statusCode).toBe(403);
      const named = await call(other.app, admin, 'PATCH', '/api/admin/settings', { 'calendar.event_title': 'NORTHGATE CLINIC group' });
      expect(named.statusCode).toBe(400);
      expect(named.json().error.details).toEqual([expect.objectContaining({ path: 'body.calendar.event_title' })]);
      expect((await call(other.app, admin, 'GET', '/api/admin/settings')).json()).toMatchObject({
        'calendar.default_privacy': 'discreet',
        'calendar.event_title': 'Group session',
      });
    } finally {
      await other.close();
    }
  });

  it('needs a signed-in caller to make, see or revoke a feed', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      expect((await call(t.app, null, method, '/api/me/calendar-feed')).statusCode, method).toBe(401);
    }
  });
});
