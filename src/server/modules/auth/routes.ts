import {
  invitationAcceptBodySchema,
  invitationInfoSchema,
  invitationTokenBodySchema,
  loginBodySchema,
  meSchema,
  mfaCodeBodySchema,
  mfaSetupSchema,
  passwordChangeBodySchema,
  passwordResetRequestBodySchema,
  passwordResetRequestedSchema,
  recoveryCodesSchema,
  sessionListSchema,
} from '../../../shared/schemas/auth.js';
import { idParams } from '../../../shared/schemas/common.js';
import { AppError } from '../../http/errors.js';
import { publicOrigin } from '../../http/public-origin.js';
import { defineRoute } from '../../http/route.js';
import { findLiveInvitation } from '../users/invitations.js';
import { acceptInvitation } from './accept-invitation.js';
import { changePassword } from './change-password.js';
import { freshMe, requireAuth } from './current-user.js';
import { clearSessionCookie, setSessionCookie } from './cookies.js';
import { login } from './login.js';
import { enableMfa, postponeMfa, startMfaSetup, verifyMfa } from './mfa.js';
import { presentMe } from './presenters.js';
import { requestPasswordReset } from './request-password-reset.js';
import { endSession, listLiveSessions } from './sessions-repository.js';

const tags = ['auth'];
const account = (action: 'read' | 'update', allowPendingMfa = false) => ({ kind: 'authenticated', resource: 'account', action, allowPendingMfa }) as const;

export const authRoutes = [
  defineRoute({
    id: 'auth.login',
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in with e-mail and password',
    tags,
    access: { kind: 'public' },
    body: loginBodySchema,
    response: { 200: meSchema },
    transaction: false,
    errors: ['invalid_credentials', 'too_many_attempts'],
    async handler({ body }, ctx) {
      const { token, auth } = await login(ctx.db, ctx.hearth, { email: body.email, password: body.password, userAgent: ctx.request.headers['user-agent'] ?? null }, ctx.actor);
      setSessionCookie(ctx.reply, ctx.hearth.config, token);
      return presentMe(ctx.hearth, auth);
    },
  }),
  defineRoute({
    id: 'auth.logout',
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'End the current session',
    tags,
    access: account('update', true),
    async handler(_input, ctx) {
      await endSession(ctx.db, ctx.principal.sessionId, 'logout', ctx.now);
      await ctx.audit({ action: 'auth.logout', resourceType: 'auth_session', resourceId: ctx.principal.sessionId });
      clearSessionCookie(ctx.reply, ctx.hearth.config);
    },
  }),
  defineRoute({
    id: 'auth.me',
    method: 'GET',
    url: '/api/me',
    summary: 'The signed-in user and session',
    tags,
    access: account('read', true),
    response: { 200: meSchema },
    async handler(_input, ctx) {
      return presentMe(ctx.hearth, requireAuth(ctx));
    },
  }),
  defineRoute({
    id: 'auth.mfa.verify',
    method: 'POST',
    url: '/api/auth/mfa/verify',
    summary: 'Second sign-in step: authenticator or recovery code',
    tags,
    access: account('read', true),
    body: mfaCodeBodySchema,
    response: { 200: meSchema },
    errors: ['too_many_attempts'],
    async handler({ body }, ctx) {
      await verifyMfa(ctx, requireAuth(ctx), body.code);
      return freshMe(ctx);
    },
  }),
  defineRoute({
    id: 'auth.mfa.setup',
    method: 'POST',
    url: '/api/auth/mfa/setup',
    summary: 'Start authenticator enrolment',
    tags,
    access: account('update', true),
    response: { 200: mfaSetupSchema },
    async handler(_input, ctx) {
      if (requireAuth(ctx).session.mfaState === 'required') throw new AppError('mfa_required', 'Finish the second sign-in step first.');
      return startMfaSetup(ctx);
    },
  }),
  defineRoute({
    id: 'auth.mfa.enable',
    method: 'POST',
    url: '/api/auth/mfa/enable',
    summary: 'Finish authenticator enrolment with a first code',
    tags,
    access: account('update', true),
    body: mfaCodeBodySchema,
    response: { 200: recoveryCodesSchema },
    async handler({ body }, ctx) {
      if (requireAuth(ctx).session.mfaState === 'required') throw new AppError('mfa_required', 'Finish the second sign-in step first.');
      return enableMfa(ctx, body.code);
    },
  }),
  defineRoute({
    id: 'auth.mfa.postpone',
    method: 'POST',
    url: '/api/auth/mfa/postpone',
    summary: 'Not now: continue without enrolling (only where the service allows it)',
    tags,
    // A sign-in step whose answer carries the session's CSRF token: never stored for replay.
    idempotency: false,
    access: account('read'),
    response: { 200: meSchema },
    errors: ['invalid_state'],
    async handler(_input, ctx) {
      await postponeMfa(ctx, requireAuth(ctx));
      return freshMe(ctx);
    },
  }),
  defineRoute({
    id: 'account.password.change',
    method: 'POST',
    url: '/api/me/password',
    summary: 'Change my password (ends my other sessions)',
    tags,
    access: account('update'),
    body: passwordChangeBodySchema,
    errors: ['weak_password'],
    async handler({ body }, ctx) {
      await changePassword(ctx, body.currentPassword, body.newPassword);
    },
  }),
  defineRoute({
    id: 'account.sessions.list',
    method: 'GET',
    url: '/api/me/sessions',
    summary: 'My signed-in sessions',
    tags,
    access: account('read'),
    response: { 200: sessionListSchema },
    async handler(_input, ctx) {
      const rows = await listLiveSessions(ctx.db, ctx.principal.userId);
      const now = ctx.now.getTime();
      const idle = ctx.hearth.config.sessionIdleMs;
      return {
        sessions: rows
          .filter((r) => now - new Date(r.last_seen_at).getTime() < idle && new Date(r.absolute_expires_at).getTime() > now)
          .map((r) => ({
            id: r.id,
            createdAt: r.created_at,
            lastSeenAt: r.last_seen_at,
            userAgent: r.user_agent,
            current: r.id === ctx.principal.sessionId,
          })),
      };
    },
  }),
  defineRoute({
    id: 'account.sessions.revoke',
    method: 'DELETE',
    url: '/api/me/sessions/:sessionId',
    summary: 'Sign out one of my sessions',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'update', objects: { sessionId: 'authSession' } },
    params: idParams('sessionId'),
    async handler({ params }, ctx) {
      const sessionId = params.sessionId;
      await endSession(ctx.db, sessionId, 'revoked', ctx.now);
      await ctx.audit({ action: 'account.sessions.revoke', resourceType: 'auth_session', resourceId: sessionId });
      if (sessionId === ctx.principal.sessionId) clearSessionCookie(ctx.reply, ctx.hearth.config);
    },
  }),
  defineRoute({
    id: 'auth.invitations.inspect',
    method: 'POST',
    url: '/api/auth/invitations/inspect',
    summary: 'Who an invitation or reset link is for',
    tags,
    access: { kind: 'public' },
    body: invitationTokenBodySchema,
    response: { 200: invitationInfoSchema },
    errors: ['invitation_invalid'],
    transaction: false,
    async handler({ body }, ctx) {
      const invitation = await findLiveInvitation(ctx.db, body.token, ctx.now);
      return { email: invitation.email, displayName: invitation.display_name, purpose: invitation.purpose };
    },
  }),
  defineRoute({
    id: 'auth.password_reset.request',
    method: 'POST',
    url: '/api/auth/password-reset',
    summary: 'E-mail me a link to choose a new password (the same answer whether or not the address has an account)',
    tags,
    access: { kind: 'public' },
    body: passwordResetRequestBodySchema,
    response: { 202: passwordResetRequestedSchema },
    errors: ['too_many_attempts'],
    async handler({ body }, ctx) {
      const answer = await requestPasswordReset(ctx, body.email, ctx.request.ip, publicOrigin(ctx.hearth.config, ctx.request));
      ctx.reply.code(202);
      return answer;
    },
  }),
  defineRoute({
    id: 'auth.invitations.accept',
    method: 'POST',
    url: '/api/auth/invitations/accept',
    summary: 'Set my password from an invitation or reset link',
    tags,
    access: { kind: 'public' },
    body: invitationAcceptBodySchema,
    errors: ['invitation_invalid', 'weak_password'],
    async handler({ body }, ctx) {
      await acceptInvitation(ctx, body.token, body.password);
    },
  }),
];
