import { staffProfileBodySchema, staffProfileSchema } from '../../../shared/schemas/billing.js';
import { idParams } from '../../../shared/schemas/common.js';
import { defineRoute } from '../../http/route.js';
import { readStaffProfile, updateStaffProfile } from './staff-profile.js';

const tags = ['staff-profiles'];
const userParams = idParams('userId');

// Kept apart from the users module's account routes: the staff profile holds what claims need of a
// staff member (their professional identifier), entered by the person or by an administrator.
export const staffProfileRoutes = [
  defineRoute({
    id: 'staff_profile.mine',
    method: 'GET',
    url: '/api/me/staff-profile',
    summary: 'My staff profile: my professional identifier (staff only; 422 not_staff for participants)',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'read' },
    response: { 200: staffProfileSchema },
    errors: ['not_staff'],
    async handler(_input, ctx) {
      return readStaffProfile(ctx, ctx.principal.userId);
    },
  }),
  defineRoute({
    id: 'staff_profile.mine.update',
    method: 'PUT',
    url: '/api/me/staff-profile',
    summary: 'Record my professional identifier (NPI, GMC, HCPC…), the rendering provider’s number on billing lines',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'update' },
    body: staffProfileBodySchema,
    response: { 200: staffProfileSchema },
    errors: ['not_staff'],
    async handler({ body }, ctx) {
      return updateStaffProfile(ctx, ctx.principal.userId, body.professionalIdentifier);
    },
  }),
  defineRoute({
    id: 'staff_profile.get',
    method: 'GET',
    url: '/api/admin/users/:userId/staff-profile',
    summary: 'A staff member’s profile: their professional identifier',
    tags,
    access: { kind: 'authenticated', resource: 'user', action: 'read', objects: { userId: 'user' } },
    params: userParams,
    response: { 200: staffProfileSchema },
    errors: ['not_staff'],
    async handler({ params }, ctx) {
      return readStaffProfile(ctx, params.userId);
    },
  }),
  defineRoute({
    id: 'staff_profile.update',
    method: 'PUT',
    url: '/api/admin/users/:userId/staff-profile',
    summary: 'Record a staff member’s professional identifier (422 invalid_professional_identifier, not_staff)',
    tags,
    access: { kind: 'authenticated', resource: 'user', action: 'update', objects: { userId: 'user' } },
    params: userParams,
    body: staffProfileBodySchema,
    response: { 200: staffProfileSchema },
    errors: ['invalid_professional_identifier', 'not_staff'],
    async handler({ params, body }, ctx) {
      return updateStaffProfile(ctx, params.userId, body.professionalIdentifier);
    },
  }),
];
