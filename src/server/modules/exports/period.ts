import { DateTime } from 'luxon';
import { z } from 'zod';

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD.')
  .refine((v) => DateTime.fromISO(v, { zone: 'utc' }).isValid, 'Not a real date.');

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: days in the group's time zone, both inclusive, both optional. */
export const periodQuerySchema = z
  .strictObject({ from: localDate.optional(), to: localDate.optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'The end date is before the start date.', path: ['to'] });

export type Period = z.infer<typeof periodQuerySchema>;

/** The period as UTC instants bounding session start times: [from 00:00, the day after `to` 00:00) local. */
export function periodBounds(period: Period, timezone: string): { startsFrom?: string; startsBefore?: string } {
  const bounds: { startsFrom?: string; startsBefore?: string } = {};
  if (period.from) bounds.startsFrom = DateTime.fromISO(period.from, { zone: timezone }).startOf('day').toUTC().toISO() ?? undefined;
  if (period.to) bounds.startsBefore = DateTime.fromISO(period.to, { zone: timezone }).plus({ days: 1 }).startOf('day').toUTC().toISO() ?? undefined;
  return bounds;
}

/** A UTC instant as the local date and time of a zone. */
export function localParts(iso: string, timezone: string): { date: string; time: string } {
  const local = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timezone);
  return { date: local.toFormat('yyyy-LL-dd'), time: local.toFormat('HH:mm') };
}
