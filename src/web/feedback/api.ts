import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Appreciation,
  FeedbackCreated,
  FeedbackRequest,
  feedbackRequestListSchema,
  myAppreciationsSchema,
  peerListSchema,
  SendAppreciationBody,
} from '../../shared/schemas/feedback';
import { api } from '../api/client';
import { thisWeekKeys } from '../this-week/api';

export type { Appreciation, FeedbackRequest };
export type MyAppreciations = z.infer<typeof myAppreciationsSchema>;
export type PeerList = z.infer<typeof peerListSchema>;
export type Created = FeedbackCreated;

const enc = encodeURIComponent;

/** Query keys of peer feedback: appreciations (mine), a group's peers, its feedback requests. */
export const feedbackKeys = {
  appreciations: ['appreciations'] as const,
  myAppreciations: ['appreciations', 'mine'] as const,
  peers: (groupId: string) => ['peers', groupId] as const,
  requests: (groupId: string) => ['feedback-requests', groupId] as const,
};

export function useMyAppreciations() {
  return useQuery({ queryKey: feedbackKeys.myAppreciations, queryFn: () => api<MyAppreciations>('GET', '/me/appreciations') });
}

/** Records that the person has seen their appreciations (the home then shows only newer ones as new). */
export function useMarkAppreciationsSeen() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/me/appreciations/seen'),
    onSuccess: () => client.invalidateQueries({ queryKey: thisWeekKeys.all }),
  });
}

export function usePeers(groupId: string) {
  return useQuery({ queryKey: feedbackKeys.peers(groupId), queryFn: () => api<PeerList>('GET', `/groups/${enc(groupId)}/peers`) });
}

export function useSendAppreciation(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SendAppreciationBody) => api<Created>('POST', `/groups/${enc(groupId)}/appreciations`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: feedbackKeys.appreciations }),
  });
}

export function useFeedbackRequests(groupId: string) {
  return useQuery({ queryKey: feedbackKeys.requests(groupId), queryFn: () => api<z.infer<typeof feedbackRequestListSchema>>('GET', `/groups/${enc(groupId)}/feedback-requests`) });
}

export function useAskForFeedback(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<Created>('POST', `/groups/${enc(groupId)}/feedback-requests`, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: feedbackKeys.requests(groupId) }),
  });
}

export function useReplyToRequest(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, body }: { requestId: string; body: string }) => api<Created>('POST', `/feedback-requests/${enc(requestId)}/replies`, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: feedbackKeys.requests(groupId) }),
  });
}

/** What the author is told after sending: held items wait for a facilitator. */
export function sentMessage(created: Created, what: string): string {
  return created.status === 'held' ? `Thank you. A facilitator will read your ${what} before it is shown.` : `Your ${what} has been sent.`;
}
