import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { GroupDetail, GroupList } from '../api/types';

/** The groups the signed-in person facilitates, belongs to, or (admin) can see. */
export function useMyGroups(enabled = true) {
  return useQuery({ queryKey: ['groups'], queryFn: () => api<GroupList>('GET', '/groups'), enabled });
}

export function useGroup(groupId: string) {
  return useQuery({
    queryKey: ['groups', groupId],
    queryFn: () => api<GroupDetail>('GET', `/groups/${encodeURIComponent(groupId)}`),
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

export const memberStatusLabel: Record<GroupDetail['members'][number]['status'], string> = {
  invited: 'Invited',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};
