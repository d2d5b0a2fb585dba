import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQuery } from '../api/client';
import type { EnrolmentStatus, GroupDetail, GroupList, GroupSession } from '../api/types';
import type { GroupSettings, ScheduleResult } from '../../shared/schemas/sessions';
import type { ScheduleValue } from './rrule';
import { accountKeys } from '../account/api';
import { pathwayKeys } from '../pathway/api';
import { recordKeys } from '../records/api';
import { sessionKeys } from '../sessions/api';

const enc = encodeURIComponent;

/** Query keys of groups: the list, one group, its sessions. */
export const groupKeys = {
  all: ['groups'] as const,
  detail: (groupId: string) => ['groups', groupId] as const,
  sessions: (groupId: string) => ['groups', groupId, 'sessions'] as const,
  sessionList: (groupId: string, when: string, limit: number) => ['groups', groupId, 'sessions', when, limit] as const,
};

/** The groups the signed-in person facilitates, belongs to, or (admin) can see. */
export function useMyGroups(enabled = true) {
  return useQuery({ queryKey: groupKeys.all, queryFn: () => api<GroupList>('GET', '/groups'), enabled });
}

export function useGroup(groupId: string) {
  return useQuery({
    queryKey: groupKeys.detail(groupId),
    queryFn: () => api<GroupDetail>('GET', `/groups/${enc(groupId)}`),
  });
}

export type SessionWhen = 'upcoming' | 'past' | 'all';

/** A group's sessions; past ones newest first is left to the caller. */
export function useGroupSessions(groupId: string, when: SessionWhen, limit = 100) {
  return useQuery({
    queryKey: groupKeys.sessionList(groupId, when, limit),
    queryFn: () => api<{ sessions: GroupSession[] }>('GET', `/groups/${enc(groupId)}/sessions${toQuery({ when, limit })}`),
  });
}

/** Everything cached about one group (detail, sessions, referrals) after a change. */
export function useInvalidateGroup() {
  const client = useQueryClient();
  return (groupId: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: groupKeys.all }),
      client.invalidateQueries({ queryKey: pathwayKeys.all }),
      client.invalidateQueries({ queryKey: accountKeys.all }),
      client.invalidateQueries({ queryKey: sessionKeys.all }),
      client.invalidateQueries({ queryKey: recordKeys.all }),
    ]).then(() => groupId);
}

export type { GroupSettings } from '../../shared/schemas/sessions';

export function useUpdateGroup(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: GroupSettings) => api<GroupDetail>('PATCH', `/groups/${enc(groupId)}`, settings),
    onSuccess: (detail) => {
      client.setQueryData(groupKeys.detail(groupId), detail);
      void client.invalidateQueries({ queryKey: groupKeys.all });
    },
  });
}

export function useSetSchedule(groupId: string) {
  const invalidate = useInvalidateGroup();
  return useMutation({
    mutationFn: (schedule: ScheduleValue) => api<ScheduleResult>('PUT', `/groups/${enc(groupId)}/schedule`, schedule),
    onSuccess: () => invalidate(groupId),
  });
}

/** Pause, resume, withdraw or complete a membership, with a reason. */
export function useChangeEnrolmentStatus(groupId: string) {
  const invalidate = useInvalidateGroup();
  return useMutation({
    mutationFn: (input: { enrolmentId: string; status: Exclude<EnrolmentStatus, 'invited'>; reason: string }) =>
      api<void>('POST', `/enrolments/${enc(input.enrolmentId)}/status`, { status: input.status, reason: input.reason }),
    onSuccess: () => invalidate(groupId),
  });
}

export const groupStatusLabel: Record<GroupDetail['status'], string> = {
  forming: 'Forming',
  active: 'Running',
  completed: 'Finished',
  cancelled: 'Cancelled',
};

export const groupStatusColor: Record<GroupDetail['status'], string> = {
  forming: 'yellow',
  active: 'green',
  completed: 'gray',
  cancelled: 'red',
};

export const memberStatusLabel: Record<EnrolmentStatus, string> = {
  invited: 'Invited',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};

export const memberStatusColor: Record<EnrolmentStatus, string> = {
  invited: 'yellow',
  active: 'green',
  paused: 'orange',
  completed: 'blue',
  withdrawn: 'gray',
};

/** "86%" for 0.863; a dash when nothing has been recorded. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}
