import { DateTime, IANAZone } from 'luxon';
import rrule from 'rrule';
import { AppError } from '../../http/errors.js';

const { RRule } = rrule;

const ALLOWED_KEYS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST']);
const ALLOWED_FREQ = new Set(['DAILY', 'WEEKLY', 'MONTHLY']);
/** Never generate more than this many sessions from one schedule. */
export const MAX_OCCURRENCES = 260;
/** Open-ended schedules are generated this far ahead. */
export const HORIZON_DAYS = 366;

export interface Schedule {
  rrule: string;
  firstSessionLocal: string;
  timezone: string;
  durationMinutes: number;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

function invalid(message: string): AppError {
  return new AppError('invalid_schedule', message);
}

function parseLocal(local: string, timezone: string): DateTime {
  const dt = DateTime.fromISO(local, { zone: timezone });
  if (!dt.isValid) throw invalid('The first session date and time is not a real date.');
  return dt;
}

/** Throws `invalid_schedule` with a plain reason; returns the parsed rule options. */
export function validateSchedule(schedule: Schedule) {
  if (!IANAZone.isValidZone(schedule.timezone)) {
    throw invalid(`"${schedule.timezone}" is not a known time zone. Use a name such as Europe/London or America/New_York.`);
  }
  parseLocal(schedule.firstSessionLocal, schedule.timezone);
  const parts = schedule.rrule
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter(Boolean);
  const keys = new Map<string, string>();
  for (const part of parts) {
    const [key, value] = part.split('=');
    if (!key || value === undefined || !ALLOWED_KEYS.has(key.toUpperCase())) {
      throw invalid(`The repeat rule has an unsupported part: "${part}".`);
    }
    keys.set(key.toUpperCase(), value);
  }
  const freq = keys.get('FREQ');
  if (!freq || !ALLOWED_FREQ.has(freq.toUpperCase())) throw invalid('The repeat rule needs FREQ=DAILY, WEEKLY or MONTHLY.');
  if (keys.has('COUNT') && keys.has('UNTIL')) throw invalid('Use COUNT or UNTIL in the repeat rule, not both.');
  const count = keys.get('COUNT');
  if (count !== undefined && !(/^\d+$/.test(count) && Number(count) >= 1 && Number(count) <= MAX_OCCURRENCES)) {
    throw invalid(`COUNT must be between 1 and ${MAX_OCCURRENCES}.`);
  }
  const byday = keys.get('BYDAY');
  if (byday !== undefined && !byday.split(',').every((d) => /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/i.test(d))) {
    throw invalid('BYDAY must list days as MO, TU, WE, TH, FR, SA or SU.');
  }
  let options;
  try {
    options = RRule.parseString(parts.join(';'));
    // Building the rule once surfaces anything else rrule cannot use, as a plain refusal.
    new RRule({ ...options, dtstart: new Date(Date.UTC(2000, 0, 3)) }).all((_date, index) => index < 1);
  } catch {
    throw invalid('The repeat rule could not be read.');
  }
  const until = keys.get('UNTIL');
  if (until !== undefined && !(options.until instanceof Date && !Number.isNaN(options.until.getTime()))) {
    throw invalid('UNTIL is not a valid date.');
  }
  return options;
}

/**
 * Expands a schedule into sessions. The rule is expanded in the group's wall-clock time and each
 * occurrence is then placed in the time zone, so an 18:00 group stays at 18:00 local across
 * daylight-saving changes (its UTC time moves instead). Throws when occurrences would overlap.
 */
export function expandSchedule(schedule: Schedule, now: Date): Occurrence[] {
  const options = validateSchedule(schedule);
  const first = parseLocal(schedule.firstSessionLocal, schedule.timezone);
  // "Floating" start: the wall-clock fields carried in a UTC Date, which rrule treats literally.
  const floating = new Date(Date.UTC(first.year, first.month - 1, first.day, first.hour, first.minute));
  const rule = new RRule({ ...options, dtstart: floating });
  const horizon = Math.max(now.getTime(), floating.getTime()) + HORIZON_DAYS * 86_400_000;
  const wallTimes = rule.all((date, index) => index < MAX_OCCURRENCES && date.getTime() <= horizon + 14 * 3_600_000);
  const occurrences = wallTimes.map((wall) => {
    const local = DateTime.fromObject(
      {
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth() + 1,
        day: wall.getUTCDate(),
        hour: wall.getUTCHours(),
        minute: wall.getUTCMinutes(),
      },
      { zone: schedule.timezone },
    );
    const startsAt = local.toJSDate();
    return { startsAt, endsAt: new Date(startsAt.getTime() + schedule.durationMinutes * 60_000) };
  });
  if (occurrences.length === 0) throw invalid('The repeat rule gives no sessions.');
  for (let i = 1; i < occurrences.length; i++) {
    const previous = occurrences[i - 1];
    const current = occurrences[i];
    if (previous && current && current.startsAt < previous.endsAt) {
      throw new AppError('schedule_overlap', 'Sessions would overlap: make them shorter or further apart.');
    }
  }
  return occurrences;
}

/** A UTC instant shown as local wall-clock time in a zone, `YYYY-MM-DDTHH:mm`. */
export function toLocal(instant: string | Date, timezone: string): string {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant, { zone: 'utc' }) : DateTime.fromJSDate(instant);
  return dt.setZone(timezone).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** Local wall-clock time in a zone to a UTC Date. */
export function fromLocal(local: string, timezone: string): Date {
  return parseLocal(local, timezone).toJSDate();
}
