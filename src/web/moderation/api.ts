import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AlertContext,
  DecisionResult,
  GroupModeration,
  MyItem,
  MyItemList,
  PreviewResponse,
  QueueItem,
  queueResponseSchema,
  watchedPhraseListSchema,
  WatchedPhraseView,
} from '../../shared/schemas/moderation';
import { api } from '../api/client';
import { alertKeys } from '../alerts/api';

export type { AlertContext, GroupModeration, MyItem, PreviewResponse, QueueItem, WatchedPhraseView };
export type QueueResponse = z.infer<typeof queueResponseSchema>;
export type PhraseAction = WatchedPhraseView['action'];
const enc = encodeURIComponent;

/** Query keys of moderation: the queue, my own held items, watched phrases, a group's settings, the item behind an alert. */
export const moderationKeys = {
  all: ['moderation'] as const,
  queue: ['moderation', 'queue'] as const,
  mine: ['moderation', 'mine'] as const,
  phrases: ['moderation', 'phrases'] as const,
  group: (groupId: string) => ['moderation', 'group', groupId] as const,
  alertContext: (alertId: string) => [...alertKeys.all, 'context', alertId] as const,
};

export function useModerationQueue() {
  return useQuery({ queryKey: moderationKeys.queue, queryFn: () => api<QueueResponse>('GET', '/moderation/queue') });
}

/** Release (approve, optionally with edited text) or withdraw (reject, a reason required) a held item. */
export function useDecideItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, decision, reason, text }: { itemId: string; decision: 'approve' | 'reject'; reason?: string; text?: string }) =>
      api<DecisionResult>('POST', `/moderation/items/${enc(itemId)}/${decision}`, { ...(reason ? { reason } : {}), ...(text !== undefined ? { text } : {}) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
  });
}

export function useMyModeratedItems(enabled = true) {
  return useQuery({ queryKey: moderationKeys.mine, queryFn: () => api<MyItemList>('GET', '/moderation/mine'), enabled });
}

export function useWatchedPhrases() {
  return useQuery({ queryKey: moderationKeys.phrases, queryFn: () => api<z.infer<typeof watchedPhraseListSchema>>('GET', '/admin/watched-phrases') });
}

export function useSavePhrase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; phrase?: string; action: PhraseAction; note?: string }) =>
      input.id
        ? api<WatchedPhraseView>('PATCH', `/admin/watched-phrases/${enc(input.id)}`, { action: input.action, note: input.note ?? '' })
        : api<WatchedPhraseView>('POST', '/admin/watched-phrases', { phrase: input.phrase, action: input.action, ...(input.note ? { note: input.note } : {}) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.phrases }),
  });
}

export function useDeletePhrase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/admin/watched-phrases/${enc(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.phrases }),
  });
}

export function useGroupModeration(groupId: string) {
  return useQuery({ queryKey: moderationKeys.group(groupId), queryFn: () => api<GroupModeration>('GET', `/groups/${enc(groupId)}/moderation`) });
}

export function useUpdateGroupModeration(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { moderationMode?: 'pre' | 'post'; staffedHours?: GroupModeration['staffedHours'] }) =>
      api<GroupModeration>('PATCH', `/groups/${enc(groupId)}/moderation`, body),
    onSuccess: (data) => queryClient.setQueryData(moderationKeys.group(groupId), data),
  });
}

/** The item behind a group-space alert, for the alert card (audited read). */
export function useAlertContext(alertId: string, enabled: boolean) {
  return useQuery({ queryKey: moderationKeys.alertContext(alertId), queryFn: () => api<AlertContext>('GET', `/alerts/${enc(alertId)}/context`), enabled });
}

/** POST /api/moderation/preview: what the composer shows before sending. */
export function usePreview() {
  return useMutation({ mutationFn: (body: { groupId: string; text: string }) => api<PreviewResponse>('POST', '/moderation/preview', body) });
}
