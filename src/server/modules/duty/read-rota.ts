import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { fallbackClinician } from './fallback.js';
import { uncoveredPeriods } from './gaps.js';
import { presentShift } from './presenters.js';
import { shiftsOverlapping } from './repository.js';

const DAY_MS = 86_400_000;
/** How far ahead the gap report looks. */
export const GAP_HORIZON_DAYS = 14;

/** The duty rota in a window (default: yesterday to two weeks ahead), who is on duty now, and the fallback. */
export async function readRota(ctx: UseCaseContext, window: { from?: string | undefined; to?: string | undefined }) {
  const from = window.from ?? new Date(ctx.now.getTime() - DAY_MS).toISOString();
  const to = window.to ?? new Date(ctx.now.getTime() + GAP_HORIZON_DAYS * DAY_MS).toISOString();
  if (to <= from) throw new AppError('validation_failed', 'The window must end after it starts.');
  const nowIso = ctx.now.toISOString();
  const [rows, fallback, current] = await Promise.all([
    shiftsOverlapping(ctx.db, from, to),
    fallbackClinician(ctx.db),
    shiftsOverlapping(ctx.db, nowIso, new Date(ctx.now.getTime() + 1).toISOString()),
  ]);
  const onDuty = current[0];
  return {
    from,
    to,
    shifts: rows.map(presentShift),
    onDutyNow: onDuty ? { id: onDuty.clinician_id, displayName: onDuty.display_name } : null,
    fallback,
  };
}

/** Periods in the next GAP_HORIZON_DAYS days with nobody on duty (alerts then go to the fallback). */
export async function rotaGaps(ctx: UseCaseContext) {
  const from = ctx.now.toISOString();
  const to = new Date(ctx.now.getTime() + GAP_HORIZON_DAYS * DAY_MS).toISOString();
  const [rows, fallback] = await Promise.all([shiftsOverlapping(ctx.db, from, to), fallbackClinician(ctx.db)]);
  const gaps = uncoveredPeriods(
    rows.map((r) => ({ startsAt: r.starts_at, endsAt: r.ends_at })),
    from,
    to,
  ).map((g) => ({
    ...g,
    minutes: Math.round((Date.parse(g.endsAt) - Date.parse(g.startsAt)) / 60_000),
  }));
  return { from, to, gaps, fallback };
}
