/**
 * Dates and times of sessions, always in the group's own time zone (a session at 18:00 in London
 * is "18:00 (London time)" wherever the reader is). Intl does the zone arithmetic.
 */

const LOCALE = 'en-GB';

type Parts = Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute', string>;

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(date: Date, timeZone: string): Parts {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALE, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
  return parts as Parts;
}

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** "London time" for Europe/London, "New York time" for America/New_York, "UTC" for UTC. */
export function zoneLabel(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const city = timeZone.split('/').pop() ?? timeZone;
  return `${city.replace(/_/g, ' ')} time`;
}

interface FormatOptions {
  /** Add "(London time)". Default true. */
  zone?: boolean;
  /** Add the year: "always", or (default) only when it is not this year. */
  year?: 'always' | 'auto';
}

/** "Tuesday 1 December" (with the year when it is not this year). */
export function formatDayInZone(iso: string, timeZone: string, options: FormatOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = safeZone(timeZone);
  const p = partsIn(date, zone);
  const thisYear = partsIn(new Date(), zone).year;
  const year = options.year === 'always' || p.year !== thisYear ? ` ${p.year}` : '';
  return `${p.weekday} ${p.day} ${p.month}${year}`;
}

/** "18:00" in the zone. */
export function formatClockInZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = partsIn(date, safeZone(timeZone));
  return `${p.hour}:${p.minute}`;
}

/** "Tuesday 1 December, 18:00 (London time)". */
export function formatInZone(iso: string | null | undefined, timeZone: string, options: FormatOptions = {}): string {
  if (!iso) return '—';
  const day = formatDayInZone(iso, timeZone, options);
  const suffix = options.zone === false ? '' : ` (${zoneLabel(timeZone)})`;
  return `${day}, ${formatClockInZone(iso, timeZone)}${suffix}`;
}

/** "Tuesday 1 December, 18:00–19:30 (London time)". */
export function formatRangeInZone(startIso: string, endIso: string, timeZone: string, options: FormatOptions = {}): string {
  const suffix = options.zone === false ? '' : ` (${zoneLabel(timeZone)})`;
  return `${formatDayInZone(startIso, timeZone, options)}, ${formatClockInZone(startIso, timeZone)}–${formatClockInZone(endIso, timeZone)}${suffix}`;
}

/** The wall-clock date and time of an instant in a zone, as form values. */
export function localParts(iso: string, timeZone: string): { date: string; time: string } {
  const date = new Date(iso);
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: safeZone(timeZone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** "Tuesday 13 October 2026" for a wall-clock value "2026-10-13T18:00" or a date "2026-10-13". */
export function formatLocalDate(local: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(local);
  if (!match) return local;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return formatDayInZone(date.toISOString(), 'UTC', { year: 'always' });
}

/** Today's date in a zone, "YYYY-MM-DD". */
export function todayInZone(timeZone: string): string {
  return localParts(new Date().toISOString(), timeZone).date;
}

const FALLBACK_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Berlin',
  'Europe/Paris',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Australia/Sydney',
];

/** Every IANA time zone the browser knows (a short list if it cannot say). */
export function timeZoneNames(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  try {
    const zones = intl.supportedValuesOf?.('timeZone');
    if (zones && zones.length > 0) return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    // older browsers
  }
  return FALLBACK_ZONES;
}
