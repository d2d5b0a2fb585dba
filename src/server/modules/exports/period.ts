import { DateTime } from 'luxon';
import { z } from 'zod';

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD.')
  .refine((v) => DateTime.fromISO(v, { zone: 'utc' }).isValid, 'Not a real date.');

const periodFields = { from: localDate.optional(), to: localDate.optional() };
const periodInOrder = (p: { from?: string | undefined; to?: string | undefined }) => !p.from || !p.to || p.from <= p.to;
const periodOrderError = { message: 'The end date is before the start date.', path: ['to'] };

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: days in the group's time zone, both inclusive, both optional. */
export const periodQuerySchema = z.strictObject(periodFields).refine(periodInOrder, periodOrderError);

/**
 * A CSV export's query: the period, and `bom=false` to leave out the UTF-8 byte-order mark that
 * every CSV starts with by default (for a program that reads the mark as part of the first header).
 */
export const csvExportQuerySchema = z.strictObject({ ...periodFields, bom: z.enum(['true', 'false']).optional() }).refine(periodInOrder, periodOrderError);

export type Period = z.infer<typeof periodQuerySchema>;

/** The two shapes an export is sent in. */
export type ExportFormat = 'csv' | 'xlsx';

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
