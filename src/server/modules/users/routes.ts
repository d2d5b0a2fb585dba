import { adminUserListSchema, adminUserSchema, invitationIssuedSchema, inviteUserBodySchema, userListQuerySchema } from '../../../shared/schemas/auth.js';
import { idParams } from '../../../shared/schemas/common.js';
import { publicOrigin } from '../../http/public-origin.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { invitationUrl } from './invitations.js';
import { inviteUser } from './invite-user.js';
import { presentAdminUser } from './presenters.js';
import { reissueInvitation } from './reissue-invitation.js';
import { findUserById, listUsers } from './repository.js';
import { resetMfa } from './reset-mfa.js';
import { setUserActive } from './set-user-status.js';

const tags = ['admin'];
const onUser: RouteAccess = { kind: 'authenticated', resource: 'user', action: 'update', objects: { userId: 'user' } };
const userParams = idParams('userId');

export const userRoutes = [
  defineRoute({
    id: 'admin.users.list',
    method: 'GET',
    url: '/api/admin/users',
    summary: 'Accounts in the service',
    tags,
    access: { kind: 'authenticated', resource: 'user', action: 'read' },
    query: userListQuerySchema,
    response: { 200: adminUserListSchema },
    async handler({ query }, ctx) {
      const rows = await listUsers(ctx.db, query);
      return { users: rows.map(presentAdminUser) };
    },
  }),
  defineRoute({
    id: 'admin.users.invite',
    method: 'POST',
    url: '/api/admin/users',
    summary: 'Create an account and a single-use invitation link, e-mailed to the person (shown here too)',
    tags,
    // The answer carries a one-time invitation link: never stored for replay.
    errors: ['email_taken'],
    idempotency: false,
    access: { kind: 'authenticated', resource: 'user', action: 'create' },
    body: inviteUserBodySchema,
    response: { 201: invitationIssuedSchema },
    async handler({ body }, ctx) {
      const origin = publicOrigin(ctx.hearth.config, ctx.request);
      const { user, token, expiresAt, mail } = await inviteUser(ctx, body, origin);
      ctx.reply.code(201);
      return { user: presentAdminUser(user), inviteUrl: invitationUrl(origin, token), expiresAt, mail };
    },
  }),
  defineRoute({
    id: 'admin.users.invitation',
    method: 'POST',
    url: '/api/admin/users/:userId/invitation',
    summary: 'Issue a new set-password link',
    tags,
    // The answer carries a one-time set-password link: never stored for replay.
    idempotency: false,
    access: onUser,
    params: userParams,
    response: { 200: invitationIssuedSchema },
    async handler({ params }, ctx) {
      const origin = publicOrigin(ctx.hearth.config, ctx.request);
      const { user, token, expiresAt, mail } = await reissueInvitation(ctx, params.userId, origin);
      return { user: presentAdminUser(user), inviteUrl: invitationUrl(origin, token), expiresAt, mail };
    },
  }),
  defineRoute({
    id: 'admin.users.deactivate',
    method: 'POST',
    url: '/api/admin/users/:userId/deactivate',
    summary: 'Deactivate an account and end its sessions',
    tags,
    access: onUser,
    params: userParams,
    response: { 200: adminUserSchema },
    errors: ['invalid_state'],
    async handler({ params }, ctx) {
      return presentAdminUser(await setUserActive(ctx, params.userId, false));
    },
  }),
  defineRoute({
    id: 'admin.users.reactivate',
    method: 'POST',
    url: '/api/admin/users/:userId/reactivate',
    summary: 'Reactivate an account',
    tags,
    access: onUser,
    params: userParams,
    response: { 200: adminUserSchema },
    async handler({ params }, ctx) {
      return presentAdminUser(await setUserActive(ctx, params.userId, true));
    },
  }),
  defineRoute({
    id: 'admin.users.reset_mfa',
    method: 'POST',
    url: '/api/admin/users/:userId/reset-mfa',
    summary: "Reset a user's two-step sign-in",
    tags,
    access: onUser,
    params: userParams,
    response: { 200: adminUserSchema },
    async handler({ params }, ctx) {
      const userId = params.userId;
      await resetMfa(ctx.db, userId, ctx.now);
      await ctx.audit({ action: 'admin.users.reset_mfa', resourceType: 'user', resourceId: userId });
      const user = await findUserById(ctx.db, userId);
      if (!user) throw new Error('user vanished inside its transaction');
      return presentAdminUser(user);
    },
  }),
];
