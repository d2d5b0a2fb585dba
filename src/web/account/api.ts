import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { StaffProfile } from '../../shared/schemas/billing';
import type { notificationPreferencesBodySchema, notificationPreferencesSchema } from '../../shared/schemas/reminders';
import { api } from '../api/client';
import type { SessionList, SignInSession } from '../api/types';
import { authKeys, markSignedOut } from '../auth/api';

/**
 * Query keys of the signed-in person's own account. `all` (['me']) is the root of every query about
 * "me" (other features' `mine`-style keys start with it), so a change to who I am or what I belong
 * to refreshes them all at once.
 */
export const accountKeys = {
  all: ['me'] as const,
  sessions: ['me', 'sessions'] as const,
  notificationPreferences: ['me', 'notification-preferences'] as const,
  staffProfile: ['me', 'staff-profile'] as const,
};

export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
export type NotificationPreferencesChange = z.input<typeof notificationPreferencesBodySchema>;

/** Changes my password; the server ends every other session of this account, so the session and the device list are asked again. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api<void>('POST', '/me/password', body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: authKeys.session });
      void client.invalidateQueries({ queryKey: accountKeys.sessions });
    },
  });
}

/** The devices where this account is signed in. */
export function useSignInSessions() {
  return useQuery({ queryKey: accountKeys.sessions, queryFn: () => api<SessionList>('GET', '/me/sessions') });
}

/** Signs one device out; signing out this one signs the person out here too. */
export function useRevokeSignInSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (session: SignInSession) => api<void>('DELETE', `/me/sessions/${encodeURIComponent(session.id)}`),
    onSuccess: (_result, session) => {
      if (session.current) markSignedOut(client, 'signed_out');
      else void client.invalidateQueries({ queryKey: accountKeys.sessions });
    },
  });
}

/** My reminder and digest choices, with where messages go. */
export function useNotificationPreferences() {
  return useQuery({ queryKey: accountKeys.notificationPreferences, queryFn: () => api<NotificationPreferences>('GET', '/me/notification-preferences') });
}

/** Saves one switch of the notification settings; the answer replaces the cached choices. */
export function useSaveNotificationPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesChange) => api<NotificationPreferences>('PUT', '/me/notification-preferences', body),
    onSuccess: (next) => client.setQueryData(accountKeys.notificationPreferences, next),
  });
}

/** A staff member's own professional identifier. */
export function useStaffProfile() {
  return useQuery({ queryKey: accountKeys.staffProfile, queryFn: () => api<StaffProfile>('GET', '/me/staff-profile') });
}

/** Sets or removes (null) my professional identifier. */
export function useUpdateStaffProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (professionalIdentifier: string | null) => api<StaffProfile>('PUT', '/me/staff-profile', { professionalIdentifier }),
    onSuccess: (data) => client.setQueryData(accountKeys.staffProfile, data),
  });
}
