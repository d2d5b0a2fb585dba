import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../api/client';
import type { Me } from '../api/types';
import { serviceFormat } from '../layout/format';
import { authKeys } from './api';

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

/** The signed-in person. Only for screens behind the sign-in gate. */
export function useMe(): Me {
  const { data } = useSession();
  if (data?.status !== 'signed-in') throw new Error('useMe() used outside the signed-in area');
  return data.me;
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
