import { DateTime } from 'luxon';
import { z } from 'zod';

/** One staffed period: ISO weekday (1 = Monday … 7 = Sunday), local start and end in the group's zone. */
export interface StaffedPeriod {
  weekday: number;
  start: string;
  end: string;
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:MM, e.g. 09:00.');

export const staffedPeriodSchema = z
  .strictObject({ weekday: z.number().int().min(1).max(7), start: time, end: time })
  .refine((p) => p.start < p.end, { message: 'The end must be after the start (periods cannot cross midnight; add two).', path: ['end'] });

export const staffedHoursSchema = z.array(staffedPeriodSchema).max(28);

/** Reads the stored JSON; anything unreadable counts as "never staffed", the safe side. */
export function parseStaffedHours(json: string): StaffedPeriod[] {
  try {
    const parsed = staffedHoursSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Whether `now` falls in one of the periods, in the group's own time zone (DST-safe). */
export function isStaffed(periods: readonly StaffedPeriod[], timeZone: string, now: Date): boolean {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) return false;
  const hhmm = local.toFormat('HH:mm');
  return periods.some((p) => p.weekday === local.weekday && p.start <= hhmm && hhmm < p.end);
}
