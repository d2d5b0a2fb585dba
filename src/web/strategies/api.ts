import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Curated, libraryListSchema, LibraryEntry, MarkState, ShareStrategyBody, Strategy, strategyListSchema } from '../../shared/schemas/strategies';
import { api, toQuery } from '../api/client';

export type { LibraryEntry, MarkState, Strategy };
export type StrategyList = z.infer<typeof strategyListSchema>;
export type LibraryList = z.infer<typeof libraryListSchema>;

const enc = encodeURIComponent;

/** Query keys of coping strategies: a group's (searched) and the programme library (searched). */
export const strategyKeys = {
  all: ['strategies'] as const,
  group: (groupId: string) => ['strategies', groupId] as const,
  search: (groupId: string, q: string) => ['strategies', groupId, q] as const,
  library: ['library'] as const,
  librarySearch: (q: string) => ['library', q] as const,
};

/** A group's shared strategies, optionally searched. */
export function useStrategies(groupId: string, q: string) {
  return useQuery({
    queryKey: strategyKeys.search(groupId, q),
    queryFn: () => api<StrategyList>('GET', `/groups/${enc(groupId)}/strategies${toQuery({ q: q || undefined })}`),
    placeholderData: (previous) => previous,
  });
}

export function useShareStrategy(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ShareStrategyBody) => api<Strategy>('POST', `/groups/${enc(groupId)}/strategies`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: strategyKeys.group(groupId) }),
  });
}

/** Sets or clears one's mark on a peer's strategy. */
export function useMarkStrategy(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, state }: { id: string; state: MarkState | null }) =>
      state ? api<Strategy>('PUT', `/strategies/${enc(id)}/mark`, { state }) : api<Strategy>('DELETE', `/strategies/${enc(id)}/mark`),
    onSuccess: () => client.invalidateQueries({ queryKey: strategyKeys.group(groupId) }),
  });
}

export function useCurateStrategy(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, credit, evidenceNote }: { id: string; credit: 'pseudonym' | 'anonymous'; evidenceNote?: string }) =>
      api<Curated>('POST', `/strategies/${enc(id)}/curate`, { credit, ...(evidenceNote ? { evidenceNote } : {}) }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: strategyKeys.group(groupId) });
      await client.invalidateQueries({ queryKey: strategyKeys.library });
    },
  });
}

export function useLibrary(q: string) {
  return useQuery({
    queryKey: strategyKeys.librarySearch(q),
    queryFn: () => api<LibraryList>('GET', `/library${toQuery({ q: q || undefined })}`),
    placeholderData: (previous) => previous,
  });
}

/** The author takes their strategy out of the library. */
export function useLeaveLibrary(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (strategyId: string) => api<void>('POST', `/strategies/${enc(strategyId)}/library-removal`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: strategyKeys.group(groupId) });
      await client.invalidateQueries({ queryKey: strategyKeys.library });
    },
  });
}

/** The author takes their strategy back from the group (and from the library). */
export function useWithdrawStrategy(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (strategyId: string) => api<void>('POST', `/strategies/${enc(strategyId)}/withdraw`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: strategyKeys.group(groupId) });
      await client.invalidateQueries({ queryKey: strategyKeys.library });
    },
  });
}

export function useUncurate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api<void>('POST', `/library/${enc(id)}/uncurate`, { reason }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: strategyKeys.library });
      await client.invalidateQueries({ queryKey: strategyKeys.all });
    },
  });
}

/** "4 will try · 3 helped · 1 didn't" (parts with nothing left out). */
export function countsLine(counts: Strategy['counts']): string {
  const parts = [counts.try ? `${counts.try} will try` : '', counts.helped ? `${counts.helped} helped` : '', counts.didntHelp ? `${counts.didntHelp} didn't` : ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'No one has marked this yet';
}
