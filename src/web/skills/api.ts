import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Practice, practiceBodySchema, practiceListSchema } from '../../shared/schemas/skills';
import { api } from '../api/client';
import { goalKeys } from '../goals/api';

export type { Practice };
export type PracticeList = z.infer<typeof practiceListSchema>;
export type PracticeBody = z.input<typeof practiceBodySchema>;

const enc = encodeURIComponent;

/** Query keys of the skills practice log. */
export const skillKeys = {
  mine: ['me', 'skills-practice'] as const,
};

export function usePractices() {
  return useQuery({ queryKey: skillKeys.mine, queryFn: () => api<PracticeList>('GET', '/me/skills-practice') });
}

export function useLogPractice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PracticeBody) => api<Practice>('POST', '/me/skills-practice', body),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: skillKeys.mine }), client.invalidateQueries({ queryKey: goalKeys.shared })]),
  });
}

export function useSharePractice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, share }: { id: string; share: boolean }) => api<Practice>('PUT', `/skills-practice/${enc(id)}/share`, { share }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: skillKeys.mine }), client.invalidateQueries({ queryKey: goalKeys.shared })]),
  });
}
