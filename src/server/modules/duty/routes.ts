import { idParams } from '../../../shared/schemas/common.js';
import { rotaGapsSchema, rotaQuerySchema, rotaSchema, rotaShiftBodySchema, rotaShiftPatchSchema, rotaShiftSchema } from '../../../shared/schemas/duty.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { deleteShift } from './delete-shift.js';
import { presentShift } from './presenters.js';
import { GAP_HORIZON_DAYS, readRota, rotaGaps } from './read-rota.js';
import { findShiftWithClinician } from './repository.js';
import { saveShift } from './save-shift.js';

const tags = ['rota'];
const onShift: RouteAccess = { kind: 'authenticated', resource: 'rota', action: 'update', objects: { shiftId: 'rotaShift' } };
const shiftParams = idParams('shiftId');

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
      return readRota(ctx, query);
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
      return rotaGaps(ctx);
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
    errors: ['not_a_clinician', 'rota_overlap'],
    async handler({ body }, ctx) {
      const id = await saveShift(ctx, body, null);
      ctx.reply.code(201);
      return presentShift(await findShiftWithClinician(ctx.db, id));
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
    errors: ['rota_overlap'],
    async handler({ params, body }, ctx) {
      const id = await saveShift(ctx, body, params.shiftId);
      return presentShift(await findShiftWithClinician(ctx.db, id));
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
      await deleteShift(ctx, params.shiftId);
    },
  }),
];
