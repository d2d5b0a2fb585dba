import { useQuery } from '@tanstack/react-query';
import type { ThisWeek } from '../../shared/schemas/this-week';
import { api } from '../api/client';

export type { ThisWeek };

/**
 * GET /api/me/this-week: the participant home in one request. It sums up what every other page
 * changes (questionnaires, goals, strategies, appreciations), so it is never served from the cache:
 * leaving the home drops it and coming back loads it afresh.
 */
export function useThisWeek() {
  return useQuery({ queryKey: ['this-week'], queryFn: () => api<ThisWeek>('GET', '/me/this-week'), gcTime: 0 });
}
