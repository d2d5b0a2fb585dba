import ical, { ICalEventClass, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Role } from '../../db/schema.js';
import type { FeedSession } from './repository.js';
import { vtimezoneFor } from './vtimezone.js';

export interface FeedOptions {
  serviceName: string;
  /** The service's discreet session title ('calendar.event_title'). */
  eventTitle: string;
  /** What the owner lets the feed show beyond the discreet default (calendar_preferences). */
  showLocation: boolean;
  showServiceName: boolean;
  /** Where the app is, for "details are in Hearth". */
  appUrl: string;
  /** Whose calendar this is: only facilitators see which group a session belongs to. */
  ownerRole: Role;
  /** The feed's window; the time-zone definitions cover it. */
  from: Date;
  to: Date;
}

function zoned(iso: string, timezone: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timezone);
}

/**
 * A session is off the calendar when it was cancelled, or its whole group was: calendar apps
 * remove (or strike through) events whose STATUS is CANCELLED.
 */
function isCancelled(session: FeedSession): boolean {
  return session.status === 'cancelled' || session.group_status === 'cancelled';
}

// What the event says. A calendar is synced to third-party providers and read on lock screens
// and shared screens, so by default an event says only the service's discreet title and the time:
// no service or clinic name and no place (a "Community Mental Health Centre" address says what the
// group is), unless the owner chooses to show them; and nothing in a participant's event says what
// the group treats: no group name, no topic, no reason for a cancellation. A facilitator's
// calendar is their work diary and names the group and topic, which identify no patient.
function description(session: FeedSession, options: FeedOptions): string {
  const lines: string[] = [];
  if (isCancelled(session)) lines.push('This session is cancelled.');
  if (options.ownerRole === 'clinician') {
    lines.push(`Group: ${session.group_name}`);
    if (session.topic) lines.push(`Topic: ${session.topic}`);
  }
  // Several calendar apps ignore the URL property, so the link is repeated where people look.
  if (session.meeting_url && !isCancelled(session)) lines.push(`Join online: ${session.meeting_url}`);
  lines.push(options.showServiceName ? `Details are in ${options.serviceName}: ${options.appUrl}` : `Details: ${options.appUrl}`);
  return lines.join('\n');
}

/** A revision number that grows with every change: seconds from creation to the last change. */
function sequenceOf(session: FeedSession): number {
  const seconds = Math.floor((Date.parse(session.updated_at) - Date.parse(session.created_at)) / 1000);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

/**
 * Renders sessions as an iCalendar feed. Each event carries its group's IANA time zone (with a
 * VTIMEZONE definition), so an 18:00 London session reads 18:00 on either side of a clock change;
 * its UID is the session id, so edits and cancellations update the same event.
 */
export function renderFeed(sessions: readonly FeedSession[], options: FeedOptions): string {
  const calendar = ical({
    name: options.showServiceName ? `${options.serviceName} sessions` : 'Sessions',
    // The product id is shown by some apps too: it names the software, not the service.
    prodId: { company: 'Hearth', product: 'Hearth', language: 'EN' },
    // Calendar apps that honour it re-read the feed hourly.
    ttl: 60 * 60,
    // No calendar-wide zone (each event has its group's own); the generator only adds VTIMEZONE blocks.
    timezone: { name: null, generator: (zone) => vtimezoneFor(zone, new Date(options.from.getTime() - 7 * 86_400_000), options.to) },
  });
  for (const session of sessions) {
    const cancelled = isCancelled(session);
    calendar.createEvent({
      id: `${session.id}@hearth`,
      sequence: sequenceOf(session),
      start: zoned(session.starts_at, session.timezone),
      end: zoned(session.ends_at, session.timezone),
      timezone: session.timezone,
      stamp: new Date(session.updated_at),
      created: new Date(session.created_at),
      lastModified: new Date(session.updated_at),
      summary: `${cancelled ? 'Cancelled: ' : ''}${options.showServiceName ? `${options.serviceName}: ` : ''}${options.eventTitle}`,
      description: description(session, options),
      // An online session's link is in the URL and the description either way (people need it to join).
      location: options.showLocation ? (session.location ?? session.meeting_url ?? null) : null,
      url: session.meeting_url,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // Shared or delegated calendars show a private event as "busy" only.
      class: ICalEventClass.PRIVATE,
    });
  }
  return calendar.toString();
}
