import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ConnectionMap, ConnectionWindow } from '../../shared/schemas/connection';
import { api } from '../api/client';

/** Query keys of the connection map: one group, one window, stepped back some weeks. */
export const connectionKeys = {
  map: (groupId: string, window: ConnectionWindow, weeksBack: number) => ['connection-map', groupId, window, weeksBack] as const,
};

/** GET /api/groups/:groupId/connection-map for a window and a step back (weeks). */
export function useConnectionMap(groupId: string, window: ConnectionWindow, weeksBack: number) {
  return useQuery({
    queryKey: connectionKeys.map(groupId, window, weeksBack),
    queryFn: () => api<ConnectionMap>('GET', `/groups/${encodeURIComponent(groupId)}/connection-map?window=${window}&weeksBack=${weeksBack}`),
    placeholderData: keepPreviousData,
  });
}
