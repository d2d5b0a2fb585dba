import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ConnectionMap, ConnectionWindow } from '../../shared/schemas/connection';
import { api } from '../api/client';

/** GET /api/groups/:groupId/connection-map for a window and a step back (weeks). */
export function useConnectionMap(groupId: string, window: ConnectionWindow, weeksBack: number) {
  return useQuery({
    queryKey: ['connection-map', groupId, window, weeksBack],
    queryFn: () => api<ConnectionMap>('GET', `/groups/${encodeURIComponent(groupId)}/connection-map?window=${window}&weeksBack=${weeksBack}`),
    placeholderData: keepPreviousData,
  });
}
