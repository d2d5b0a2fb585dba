import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Health } from '../../shared/schemas/health';
import { ApiError, api, setCsrfToken } from '../api/client';
import type { InvitationInfo, Me, MfaSetup } from '../api/types';
import { serviceFormat } from '../layout/format';

/** Query keys of sign-in and the session: the signed-in person (`session`) and the server's health, which the sign-in page shows. */
export const authKeys = {
  session: ['session'] as const,
  health: ['health'] as const,
};

/** Why the person is looking at the sign-in page, if the app knows. */
export type SignedOutReason = 'session_expired' | 'signed_out' | null;

/** Where the browser stands with the server: signed in (at some MFA step) or not. */
export type SessionState = { status: 'signed-in'; me: Me } | { status: 'signed-out'; reason: SignedOutReason };

async function fetchSession(): Promise<SessionState> {
  try {
    const me = await api<Me>('GET', '/me');
    setCsrfToken(me.csrfToken);
    serviceFormat(me.service);
    return { status: 'signed-in', me };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return { status: 'signed-out', reason: error.code === 'session_expired' ? 'session_expired' : null };
    }
    throw error;
  }
}

/** The current session, loaded once from GET /api/me and updated by sign-in steps. */
export function useSession() {
  return useQuery({ queryKey: authKeys.session, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** Stores a fresh Me (from login, MFA or /api/me) as the current session. */
export function applyMe(client: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  serviceFormat(me.service);
  const next: SessionState = { status: 'signed-in', me };
  client.setQueryData(authKeys.session, () => next);
}

/** Forgets everything loaded for the previous person and shows sign-in. */
export function markSignedOut(client: QueryClient, reason: SignedOutReason): void {
  setCsrfToken(null);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.session[0] });
  const next: SessionState = { status: 'signed-out', reason };
  client.setQueryData(authKeys.session, () => next);
}

/** Asks /api/me again: after a step that changes what the session allows (MFA switched on, a password changed). */
export function useRefreshSession(): () => void {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: authKeys.session });
}

/** Signs out on the server (best effort) and locally. */
export function useSignOut(): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    try {
      await api('POST', '/auth/logout');
    } catch {
      // Signing out locally is what matters to the person; the server session expires anyway.
    }
    markSignedOut(client, 'signed_out');
  };
}

/** The service's name and whether it is a demo, for the sign-in page before anyone signs in. */
export function useHealth() {
  return useQuery({ queryKey: authKeys.health, queryFn: () => api<Health>('GET', '/health'), staleTime: Infinity });
}

/** The first sign-in step: e-mail and password. Success stores the session (which may still ask for the MFA code). */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => api<Me>('POST', '/auth/login', credentials),
    onSuccess: (me) => applyMe(client, me),
  });
}

/** The second sign-in step: an authenticator code or a recovery code, already normalised. */
export function useVerifyMfa() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<Me>('POST', '/auth/mfa/verify', { code }),
    onSuccess: (me) => applyMe(client, me),
  });
}

/** "Not now" on the offered MFA enrolment after signing in. */
export function usePostponeMfa() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<Me>('POST', '/auth/mfa/postpone'),
    onSuccess: (next) => applyMe(client, next),
  });
}

/** A new TOTP secret and its QR code, to add to an authenticator app. */
export function useMfaSetup() {
  return useMutation({ mutationFn: () => api<MfaSetup>('POST', '/auth/mfa/setup') });
}

/** Turns MFA on with a first code from the app; answers the recovery codes, shown once. */
export function useEnableMfa() {
  return useMutation({ mutationFn: (code: string) => api<{ recoveryCodes: string[] }>('POST', '/auth/mfa/enable', { code }) });
}

/** "Forgot password": the same answer whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => api<{ message: string }>('POST', '/auth/password-reset', { email }) });
}

/** What an invitation or set-password link is for (410 when it expired or was used). */
export function useInspectInvitation() {
  return useMutation({ mutationFn: (token: string) => api<InvitationInfo>('POST', '/auth/invitations/inspect', { token }) });
}

/** Sets the password of an invitation or set-password link. */
export function useAcceptInvitation() {
  return useMutation({ mutationFn: (body: { token: string; password: string }) => api<void>('POST', '/auth/invitations/accept', body) });
}
