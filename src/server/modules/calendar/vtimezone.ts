import { DateTime, IANAZone } from 'luxon';

const HOUR_MS = 3_600_000;
const SCAN_STEP_MS = 6 * HOUR_MS;

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The first whole second in (before, after] at which the zone's offset is no longer `offsetBefore`. */
function transitionInstant(zone: IANAZone, before: number, after: number, offsetBefore: number): number {
  let low = before;
  let high = after;
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2);
    if (zone.offset(middle) === offsetBefore) low = middle;
    else high = middle;
  }
  const second = Math.floor(high / 1000) * 1000;
  return second > low ? second : high;
}

function observance(zone: IANAZone, at: number, dtstart: string, offsetFrom: number, offsetTo: number): string {
  const local = DateTime.fromMillis(at, { zone });
  const kind = local.isInDST ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${dtstart}`,
    `TZOFFSETFROM:${offsetText(offsetFrom)}`,
    `TZOFFSETTO:${offsetText(offsetTo)}`,
    `TZNAME:${local.offsetNameShort ?? offsetText(offsetTo)}`,
    `END:${kind}`,
  ].join('\r\n');
}

/**
 * A VTIMEZONE block for an IANA zone, built from the same time-zone database (via luxon and
 * Intl) that placed the sessions, so a calendar client reads back exactly the instants we
 * stored. It lists every offset change between `from` and `to`, after a base observance that
 * holds from 1970: a client looks up the latest observance that started before an event.
 * Returns null for an unknown zone.
 */
export function vtimezoneFor(name: string, from: Date, to: Date): string | null {
  const zone = IANAZone.create(name);
  if (!zone.isValid) return null;
  const start = from.getTime();
  const end = to.getTime();
  const baseOffset = zone.offset(start);
  const parts = [`BEGIN:VTIMEZONE`, `TZID:${name}`, observance(zone, start, '19700101T000000', baseOffset, baseOffset)];
  let previous = start;
  let previousOffset = baseOffset;
  while (previous < end) {
    const next = Math.min(previous + SCAN_STEP_MS, end);
    const offset = zone.offset(next);
    if (offset !== previousOffset) {
      const at = transitionInstant(zone, previous, next, previousOffset);
      // DTSTART is the wall-clock time at which the change happens, read in the old offset.
      const wall = DateTime.fromMillis(at + previousOffset * 60_000, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss");
      parts.push(observance(zone, at, wall, previousOffset, zone.offset(at)));
      previousOffset = zone.offset(at);
      previous = at;
      continue;
    }
    previous = next;
  }
  parts.push('END:VTIMEZONE');
  return parts.join('\r\n');
}
