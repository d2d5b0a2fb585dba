import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { JournalEntry, JournalWriteResponse, journalListSchema, journalPromptsSchema } from '../../shared/schemas/journal';
import { api } from '../api/client';
import { recordKeys } from '../records/api';

export type { JournalEntry, JournalWriteResponse };
export type JournalPrompts = z.infer<typeof journalPromptsSchema>;
export type JournalList = z.infer<typeof journalListSchema>;

const enc = encodeURIComponent;

/** Query keys of the journal: mine, its prompts, and the entries a member shared on their record. */
export const journalKeys = {
  mine: ['me', 'journal'] as const,
  prompts: ['me', 'journal', 'prompts'] as const,
  member: (enrolmentId: string) => [...recordKeys.member(enrolmentId), 'journal'] as const,
};

export function useJournal() {
  return useQuery({ queryKey: journalKeys.mine, queryFn: () => api<JournalList>('GET', '/me/journal') });
}

export function useJournalPrompts() {
  return useQuery({ queryKey: journalKeys.prompts, queryFn: () => api<JournalPrompts>('GET', '/me/journal/prompts') });
}

function useJournalMutation<V>(request: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => client.invalidateQueries({ queryKey: journalKeys.mine, exact: true }) });
}

export const useWriteEntry = () => useJournalMutation((body: { prompt: string | null; body: string }) => api<JournalWriteResponse>('POST', '/me/journal', body));
export const useUpdateEntry = () =>
  useJournalMutation(({ id, ...body }: { id: string; prompt: string | null; body: string }) => api<JournalWriteResponse>('PUT', `/journal/${enc(id)}`, body));
export const useDeleteEntry = () => useJournalMutation((id: string) => api<void>('DELETE', `/journal/${enc(id)}`));
export const useShareEntry = () =>
  useJournalMutation(({ id, share }: { id: string; share: boolean }) => api<JournalEntry>('PUT', `/journal/${enc(id)}/share`, { shareWithClinician: share }));

export function useMemberJournal(enrolmentId: string) {
  return useQuery({ queryKey: journalKeys.member(enrolmentId), queryFn: () => api<{ entries: JournalEntry[] }>('GET', `/enrolments/${enc(enrolmentId)}/journal`) });
}
