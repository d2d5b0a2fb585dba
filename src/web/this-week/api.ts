import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ThisWeek } from '../../shared/schemas/this-week';
import type { HomePreferences, YourConnections, YourConnectionsGroup } from '../../shared/schemas/your-connections';
import { api } from '../api/client';

/** Query keys of the participant home's cards and the facilitator's member-activity panel (`path` is the request). */
export const thisWeekKeys = {
  all: ['this-week'] as const,
  homePreferences: ['home-preferences'] as const,
  connections: ['your-connections'] as const,
  memberActivity: (path: string) => ['member-activity', path] as const,
};

export type { HomePreferences, ThisWeek, YourConnections, YourConnectionsGroup };

/**
 * GET /api/me/this-week: the participant home in one request. It sums up what every other page
 * changes (questionnaires, goals, strategies, appreciations), so it is never served from the cache:
 * leaving the home drops it and coming back loads it afresh.
 */
export function useThisWeek() {
  return useQuery({ queryKey: thisWeekKeys.all, queryFn: () => api<ThisWeek>('GET', '/me/this-week'), gcTime: 0 });
}

/** GET /api/me/home-preferences: which optional cards the home shows. */
export function useHomePreferences() {
  return useQuery({ queryKey: thisWeekKeys.homePreferences, queryFn: () => api<HomePreferences>('GET', '/me/home-preferences') });
}

/** PATCH /api/me/home-preferences: hide or show "Your connections" (kept for the person, on every device). */
export function useSetHomePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: HomePreferences) => api<HomePreferences>('PATCH', '/me/home-preferences', body),
    onSuccess: (saved) => client.setQueryData(thisWeekKeys.homePreferences, saved),
  });
}

/** GET /api/me/connections, asked only while the card is shown (hidden means the server is not asked). Fresh on every visit, like the week. */
export function useYourConnections(enabled: boolean) {
  return useQuery({ queryKey: thisWeekKeys.connections, queryFn: () => api<YourConnections>('GET', '/me/connections'), enabled, gcTime: 0 });
}
