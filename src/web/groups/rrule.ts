import { formatLocalDate, zoneLabel } from '../layout/time';

/** RRULE weekday codes in calendar order (Monday first). */
export const WEEKDAYS = [
  { code: 'MO', name: 'Monday', short: 'Mon' },
  { code: 'TU', name: 'Tuesday', short: 'Tue' },
  { code: 'WE', name: 'Wednesday', short: 'Wed' },
  { code: 'TH', name: 'Thursday', short: 'Thu' },
  { code: 'FR', name: 'Friday', short: 'Fri' },
  { code: 'SA', name: 'Saturday', short: 'Sat' },
  { code: 'SU', name: 'Sunday', short: 'Sun' },
] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number]['code'];

/** The repeat patterns the schedule editor offers: weekly or fortnightly on chosen days, N sessions or open-ended. */
export interface RepeatRule {
  weekdays: WeekdayCode[];
  /** 1 = every week, 2 = every other week. */
  interval: 1 | 2;
  /** Number of sessions; null = open-ended (the server plans a year ahead). */
  count: number | null;
}

const CODES = new Set<string>(WEEKDAYS.map((d) => d.code));

/** FREQ=WEEKLY[;INTERVAL=2];BYDAY=TU,TH[;COUNT=12] — days in calendar order. */
export function buildRrule(rule: RepeatRule): string {
  const days = WEEKDAYS.filter((d) => rule.weekdays.includes(d.code)).map((d) => d.code);
  const parts = ['FREQ=WEEKLY'];
  if (rule.interval === 2) parts.push('INTERVAL=2');
  parts.push(`BYDAY=${days.join(',')}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  return parts.join(';');
}

/** Reads a rule the editor can show; null for anything else (monthly, UNTIL, BYSETPOS…). */
export function parseRrule(rrule: string): RepeatRule | null {
  const fields = new Map<string, string>();
  for (const part of rrule
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter(Boolean)) {
    const [key, value] = part.split('=');
    if (!key || value === undefined) return null;
    fields.set(key.toUpperCase(), value.toUpperCase());
  }
  if (fields.get('FREQ') !== 'WEEKLY') return null;
  for (const key of fields.keys()) if (!['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'WKST'].includes(key)) return null;
  const interval = Number(fields.get('INTERVAL') ?? '1');
  if (interval !== 1 && interval !== 2) return null;
  const weekdays = (fields.get('BYDAY') ?? '').split(',').filter(Boolean);
  if (weekdays.length === 0 || !weekdays.every((d) => CODES.has(d))) return null;
  const count = fields.has('COUNT') ? Number(fields.get('COUNT')) : null;
  if (count !== null && !(Number.isInteger(count) && count > 0)) return null;
  return { weekdays: weekdays as WeekdayCode[], interval, count };
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Every Tuesday" / "Every other Monday and Thursday". */
export function describeRepeat(rule: RepeatRule): string {
  const names = WEEKDAYS.filter((d) => rule.weekdays.includes(d.code)).map((d) => d.name);
  return `${rule.interval === 2 ? 'Every other' : 'Every'} ${listInWords(names)}`;
}

export interface ScheduleValue {
  rrule: string;
  firstSessionLocal: string;
  timezone: string;
  durationMinutes: number;
}

/**
 * A schedule in words: "Every Tuesday at 18:00 (London time) for 90 minutes, 12 sessions from
 * Tuesday 13 October 2026". Rules the editor cannot read are shown as they are.
 */
export function describeSchedule(schedule: ScheduleValue): string {
  const rule = parseRrule(schedule.rrule);
  const time = schedule.firstSessionLocal.slice(11, 16);
  const from = formatLocalDate(schedule.firstSessionLocal);
  const zone = zoneLabel(schedule.timezone);
  if (!rule) return `Repeat rule ${schedule.rrule}, from ${from} (${zone}), ${schedule.durationMinutes} minutes each`;
  const length = rule.count === null ? 'no end date' : `${rule.count} ${rule.count === 1 ? 'session' : 'sessions'}`;
  return `${describeRepeat(rule)} at ${time} (${zone}) for ${schedule.durationMinutes} minutes; ${length}, starting ${from}`;
}

/** The RRULE weekday of a "YYYY-MM-DD" date. */
export function weekdayOf(date: string): WeekdayCode | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay();
  return WEEKDAYS[(day + 6) % 7]?.code ?? null;
}
