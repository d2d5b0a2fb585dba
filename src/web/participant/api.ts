import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { CalendarFeedIssued } from '../../shared/schemas/calendar';
import type { MyEnrolmentList } from '../../shared/schemas/pathway';
import type { UpcomingSessionList } from '../../shared/schemas/sessions';
import type { AgreementState, CalendarFeedStatus, CalendarPreferences, MyEnrolment, NotificationList } from '../api/types';
import { accountKeys } from '../account/api';
import { groupKeys } from '../groups/api';

const enc = encodeURIComponent;

/** Query keys of the participant's own pages: enrolments, upcoming sessions, an agreement, notifications, the calendar feed. */
export const participantKeys = {
  enrolments: ['me', 'enrolments'] as const,
  upcoming: ['me', 'upcoming'] as const,
  agreement: (enrolmentId: string) => ['me', 'agreement', enrolmentId] as const,
  notifications: ['me', 'notifications'] as const,
  calendarFeed: ['me', 'calendar-feed'] as const,
};

export function useMyEnrolments(enabled = true) {
  return useQuery({ queryKey: participantKeys.enrolments, queryFn: () => api<MyEnrolmentList>('GET', '/me/enrolments'), enabled });
}

/** True when the member still has to accept (this version of) the group agreement. */
export function needsAgreement(e: MyEnrolment): boolean {
  if (e.status !== 'invited' && e.status !== 'active' && e.status !== 'paused') return false;
  if (e.currentAgreementVersion === null) return false;
  return e.status === 'invited' || e.agreementVersion === null || e.agreementVersion < e.currentAgreementVersion;
}

export function useUpcomingSessions() {
  return useQuery({ queryKey: participantKeys.upcoming, queryFn: () => api<UpcomingSessionList>('GET', '/me/upcoming-sessions') });
}

export function useAgreement(enrolmentId: string) {
  return useQuery({
    queryKey: participantKeys.agreement(enrolmentId),
    queryFn: () => api<AgreementState>('GET', `/enrolments/${enc(enrolmentId)}/agreement`),
  });
}

export function useAcceptAgreement(enrolmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api<void>('POST', `/enrolments/${enc(enrolmentId)}/agreement`, { version }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: accountKeys.all }), client.invalidateQueries({ queryKey: groupKeys.all })]),
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: participantKeys.notifications,
    queryFn: () => api<NotificationList>('GET', '/me/notifications'),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: participantKeys.notifications });
  return {
    one: useMutation({ mutationFn: (id: string) => api<void>('POST', `/me/notifications/${enc(id)}/read`), onSuccess: refresh }),
    all: useMutation({ mutationFn: () => api<void>('POST', '/me/notifications/read-all'), onSuccess: refresh }),
  };
}

export function useCalendarFeed() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: participantKeys.calendarFeed });
  return {
    status: useQuery({ queryKey: participantKeys.calendarFeed, queryFn: () => api<CalendarFeedStatus>('GET', '/me/calendar-feed') }),
    create: useMutation({ mutationFn: () => api<CalendarFeedIssued>('POST', '/me/calendar-feed'), onSuccess: refresh }),
    revoke: useMutation({ mutationFn: () => api<void>('DELETE', '/me/calendar-feed'), onSuccess: refresh }),
    preferences: useMutation({
      mutationFn: (changes: Partial<CalendarPreferences>) => api<CalendarPreferences>('PATCH', '/me/calendar-preferences', changes),
      // The box shows the choice at once; a refusal puts back what the server holds.
      onMutate: (changes) =>
        client.setQueryData<CalendarFeedStatus>(participantKeys.calendarFeed, (old) => (old ? { ...old, preferences: { ...old.preferences, ...changes } } : old)),
      onSettled: refresh,
    }),
  };
}

/** Unread notifications for the navigation badge; 0 while unknown or when the feature is missing. */
export function useUnreadCount(enabled: boolean): number {
  const list = useQuery({
    queryKey: participantKeys.notifications,
    queryFn: () => api<NotificationList>('GET', '/me/notifications'),
    enabled,
    refetchInterval: 60_000,
    retry: false,
  });
  return list.data?.unread ?? 0;
}
