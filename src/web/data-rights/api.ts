import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ErasureReport } from '../../shared/schemas/data-rights';
import { api } from '../api/client';
import { adminKeys } from '../admin/api';

/** Query keys of data rights: an erasure's dry run or report, per person. */
export const dataRightsKeys = {
  erasure: (userId: string) => ['admin', 'erasure', userId] as const,
};

/** GET /api/admin/users/:userId/erasure: the dry run before an erasure, its stored report after. */
export function useErasure(userId: string) {
  return useQuery({
    queryKey: dataRightsKeys.erasure(userId),
    queryFn: () => api<ErasureReport>('GET', `/admin/users/${encodeURIComponent(userId)}/erasure`),
  });
}

/** POST /api/admin/users/:userId/erasure: carries the erasure out (confirmed, with a reason). */
export function useEraseParticipant(userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api<ErasureReport>('POST', `/admin/users/${encodeURIComponent(userId)}/erasure`, { confirm: true, reason }),
    onSuccess: (report) => {
      client.setQueryData(dataRightsKeys.erasure(userId), report);
      void client.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
}

/** The address of the report (or preview) as a JSON file. */
export function erasureDownloadUrl(userId: string): string {
  return `/api/admin/users/${encodeURIComponent(userId)}/erasure?download=true`;
}
