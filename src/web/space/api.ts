import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContentKind, PreviewResponse } from '../../shared/schemas/moderation';
import type { PostPage, ReadMark, SpaceOverview, SpacePost, SpaceReport, SpaceReportList, SpaceUnread, ThreadCreated } from '../../shared/schemas/space';
import { api } from '../api/client';

export type { SpaceOverview, SpacePost, SpaceReport };

const enc = encodeURIComponent;

/** Query keys of the group space: `group(id)` is the root of one space (overview, a conversation's posts, reports); `mySpaces` my unread counts. */
export const spaceKeys = {
  group: (groupId: string) => ['space', groupId] as const,
  overview: (groupId: string) => ['space', groupId, 'overview'] as const,
  posts: (groupId: string, thread: string) => ['space', groupId, 'posts', thread] as const,
  reports: (groupId: string) => ['space', groupId, 'reports'] as const,
  mySpaces: ['me', 'spaces'] as const,
};

/** How often my unread counts are asked for when nothing arrives over the socket (the e2e tests tell live from polled by it). */
export const MY_SPACES_POLL_MS = 120_000;

/**
 * The group spaces I may enter, with my unread count in each (navigation and home page). Kept
 * fresh over the socket ('unread' frames, hooks.ts useLiveUnread), on focus, whenever a live
 * message arrives on an open space, and by a slow poll in case the socket is down.
 */
export function useMySpaces(enabled = true) {
  return useQuery({ queryKey: spaceKeys.mySpaces, queryFn: () => api<SpaceUnread>('GET', '/me/spaces'), enabled, refetchInterval: MY_SPACES_POLL_MS, retry: false });
}

/** The space's front page: chat and threads with unread counts, staffing, mutes and blocks. */
export function useSpaceOverview(groupId: string) {
  return useQuery({ queryKey: spaceKeys.overview(groupId), queryFn: () => api<SpaceOverview>('GET', `/space/groups/${enc(groupId)}`) });
}

/** The latest page of a thread (or the chat), oldest first for display. */
export function useThreadPosts(groupId: string, thread: string) {
  return useQuery({
    queryKey: spaceKeys.posts(groupId, thread),
    queryFn: async () => {
      const page = await api<PostPage>('GET', `/space/groups/${enc(groupId)}/posts?thread=${enc(thread)}&limit=100`);
      return { posts: [...page.posts].reverse(), hasMore: page.hasMore };
    },
  });
}

export function fetchOlder(groupId: string, thread: string, before: number) {
  return api<PostPage>('GET', `/space/groups/${enc(groupId)}/posts?thread=${enc(thread)}&before=${before}&limit=100`);
}

/** What sending would meet (the server's moderate() as a dry run): one text, or an item's texts by field. */
export function previewText(groupId: string, kind: ContentKind, what: string | Record<string, string>) {
  return api<PreviewResponse>('POST', '/moderation/preview', typeof what === 'string' ? { groupId, kind, text: what } : { groupId, kind, fields: what });
}

export function sendPostHttp(groupId: string, body: { thread: string; text: string; clientId: string; replyToId?: string }) {
  return api<SpacePost>('POST', `/space/groups/${enc(groupId)}/posts`, body);
}

/** Mutations of the space that refresh its overview and threads afterwards. */
export function useSpaceAction<TVars, TResult = unknown>(groupId: string, run: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => client.invalidateQueries({ queryKey: spaceKeys.group(groupId) }) });
}

export const spaceApi = {
  createThread: (groupId: string, body: { title: string; text: string }) => api<ThreadCreated>('POST', `/space/groups/${enc(groupId)}/threads`, body),
  markRead: (groupId: string, thread: string, seq: number) => api<ReadMark>('POST', `/space/groups/${enc(groupId)}/read`, { thread, seq }),
  edit: (postId: string, text: string) => api<SpacePost>('PATCH', `/space/posts/${enc(postId)}`, { text }),
  withdraw: (postId: string) => api<SpacePost>('POST', `/space/posts/${enc(postId)}/withdraw`),
  remove: (postId: string, reason: string) => api<SpacePost>('POST', `/space/posts/${enc(postId)}/remove`, { reason }),
  report: (postId: string, kind: 'worried' | 'agreement', note?: string) => api('POST', `/space/posts/${enc(postId)}/reports`, note ? { kind, note } : { kind }),
  tag: (postId: string, note?: string) => api('POST', `/space/posts/${enc(postId)}/tag`, note ? { note } : {}),
  mute: (groupId: string, enrolmentId: string, on: boolean) => api('PUT', `/space/groups/${enc(groupId)}/mutes`, { enrolmentId, on }),
  block: (groupId: string, enrolmentId: string, on: boolean) => api('PUT', `/space/groups/${enc(groupId)}/blocks`, { enrolmentId, on }),
  /** Release a held post to the group, optionally with a facilitator's edit of its text. */
  approve: (postId: string, text?: string) => api('POST', `/moderation/items/${enc(postId)}/approve`, text === undefined ? {} : { text }),
  reject: (postId: string, reason: string) => api('POST', `/moderation/items/${enc(postId)}/reject`, { reason }),
  reports: (groupId: string) => api<SpaceReportList>('GET', `/space/groups/${enc(groupId)}/reports`),
};
