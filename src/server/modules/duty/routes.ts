import { idParams } from '../../../shared/schemas/common.js';
import { rotaGapsSchema, rotaQuerySchema, rotaSchema, rotaShiftBodySchema, rotaShiftPatchSchema, rotaShiftSchema } from '../../../shared/schemas/duty.js';
import { AppError } from '../../http/errors.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { deleteShift } from './delete-shift.js';
import { fallbackClinician } from './fallback.js';
import { uncoveredPeriods } from './gaps.js';
import { presentShift } from './presenters.js';
import { shiftsOverlapping } from './repository.js';
import { saveShift } from './save-shift.js';

const tags = ['rota'];
const DAY_MS = 86_400_000;
/** How far ahead the gap report looks. */
export const GAP_HORIZON_DAYS = 14;
const onShift: RouteAccess = { kind: 'authenticated', resource: 'rota', action: 'update', objects: { shiftId: 'rotaShift' } };
const shiftParams = idParams('shiftId');

async function presentedShift(ctx: Parameters<typeof saveShift>[0], id: string) {
  const row = await ctx.db
    .selectFrom('rota_shifts as s')
    .innerJoin('users as u', 'u.id', 's.clinician_id')
    .select(['s.id', 's.clinician_id', 's.starts_at', 's.ends_at', 'u.display_name'])
    .where('s.id', '=', id)
    .executeTakeFirstOrThrow();
  return presentShift(row);
}

export const rotaRoutes = [
  defineRoute({
    id: 'rota.get',
    method: 'GET',
    url: '/api/rota',
    summary: 'The duty rota in a window (default: yesterday to two weeks ahead), who is on duty now, and the fallback',
    tags,
    access: { kind: 'authenticated', resource: 'rota', action: 'read' },
    query: rotaQuerySchema,
    response: { 200: rotaSchema },
    async handler({ query }, ctx) {
      const from = query.from ?? new Date(ctx.now.getTime() - DAY_MS).toISOString();
      const to = query.to ?? new Date(ctx.now.getTime() + GAP_HORIZON_DAYS * DAY_MS).toISOString();
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
    },
  }),
  defineRoute({
    id: 'rota.gaps',
    method: 'GET',
    url: '/api/rota/gaps',
    summary: `Periods in the next ${GAP_HORIZON_DAYS} days with nobody on duty (alerts then go to the fallback)`,
    tags,
    access: { kind: 'authenticated', resource: 'rota', action: 'read' },
    response: { 200: rotaGapsSchema },
    async handler(_input, ctx) {
      const from = ctx.now.toISOString();
      const to = new Date(ctx.now.getTime() + GAP_HORIZON_DAYS * DAY_MS).toISOString();
      const [rows, fallback] = await Promise.all([shiftsOverlapping(ctx.db, from, to), fallbackClinician(ctx.db)]);
      const gaps = uncoveredPeriods(rows.map((r) => ({ startsAt: r.starts_at, endsAt: r.ends_at })), from, to).map((g) => ({
        ...g,
        minutes: Math.round((Date.parse(g.endsAt) - Date.parse(g.startsAt)) / 60_000),
      }));
      return { from, to, gaps, fallback };
    },
  }),
  defineRoute({
    id: 'rota.shifts.create',
    method: 'POST',
    url: '/api/rota/shifts',
    summary: 'Put a clinician on duty from a start to an end (overlapping shifts are refused: rota_overlap)',
    tags,
    access: { kind: 'authenticated', resource: 'rota', action: 'create' },
    body: rotaShiftBodySchema,
    response: { 201: rotaShiftSchema },
    async handler({ body }, ctx) {
      const id = await saveShift(ctx, body, null);
      ctx.reply.code(201);
      return presentedShift(ctx, id);
    },
  }),
  // Declared before the delete route: the access-matrix test calls routes in this order.
  defineRoute({
    id: 'rota.shifts.update',
    method: 'PATCH',
    url: '/api/rota/shifts/:shiftId',
    summary: 'Change a shift: its clinician, start or end',
    tags,
    access: onShift,
    params: shiftParams,
    body: rotaShiftPatchSchema,
    response: { 200: rotaShiftSchema },
    async handler({ params, body }, ctx) {
      const id = await saveShift(ctx, body, String(params.shiftId));
      return presentedShift(ctx, id);
    },
  }),
  defineRoute({
    id: 'rota.shifts.delete',
    method: 'DELETE',
    url: '/api/rota/shifts/:shiftId',
    summary: 'Remove a shift',
    tags,
    access: onShift,
    params: shiftParams,
    async handler({ params }, ctx) {
      await deleteShift(ctx, String(params.shiftId));
    },
  }),
];
