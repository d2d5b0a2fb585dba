import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ServerFrame } from '../../shared/schemas/space';
import { spaceKeys, type SpacePost } from './api';
import { useRealtime } from './hooks';
import { realtime } from './realtime';

type LiveState = { posts: Map<string, SpacePost>; retracted: Set<string>; revoked: string | null };
type LiveAction = { type: 'post'; post: SpacePost } | { type: 'retract'; postId: string } | { type: 'revoked'; reason: string };

function reduce(state: LiveState, action: LiveAction): LiveState {
  if (action.type === 'revoked') return { ...state, revoked: action.reason };
  if (action.type === 'retract') {
    const posts = new Map(state.posts);
    posts.delete(action.postId);
    return { ...state, posts, retracted: new Set([...state.retracted, action.postId]) };
  }
  const current = state.posts.get(action.post.id);
  // A later change of the same post wins; a replayed one changes nothing.
  if (current && current.versionSeq >= action.post.versionSeq) return state;
  const posts = new Map(state.posts);
  posts.set(action.post.id, action.post);
  const retracted = new Set(state.retracted);
  retracted.delete(action.post.id);
  return { ...state, posts, retracted };
}

/** Threads (by key) of a post: 'chat' for the live chat. */
export const threadKeyOf = (post: Pick<SpacePost, 'threadId'>) => post.threadId ?? 'chat';

/**
 * Follows a group's space over the socket from the position the page loaded, and keeps every post
 * that arrived (or changed) since, by id. Posts of threads the page does not show refresh the
 * unread counts.
 */
export function useLiveSpace(groupId: string, startSeq: number | undefined, openThread: string | null) {
  const client = useQueryClient();
  const [state, dispatch] = useReducer(reduce, { posts: new Map<string, SpacePost>(), retracted: new Set<string>(), revoked: null });
  const openRef = useRef(openThread);
  useEffect(() => {
    openRef.current = openThread;
  }, [openThread]);

  const listener = useCallback(
    (frame: ServerFrame) => {
      if ((frame.type === 'post' || frame.type === 'ack') && frame.post.groupId === groupId) {
        dispatch({ type: 'post', post: frame.post });
        if (threadKeyOf(frame.post) !== openRef.current) void client.invalidateQueries({ queryKey: spaceKeys.overview(groupId) });
      } else if (frame.type === 'retract' && frame.groupId === groupId) {
        dispatch({ type: 'retract', postId: frame.postId });
      } else if (frame.type === 'revoked' && frame.groupId === groupId) {
        dispatch({ type: 'revoked', reason: frame.reason });
      } else if (frame.type === 'mutes' && frame.groupId === groupId) {
        void client.invalidateQueries({ queryKey: spaceKeys.group(groupId) });
      }
    },
    [client, groupId],
  );
  useRealtime(listener);

  useEffect(() => {
    if (startSeq === undefined) return undefined;
    return realtime.follow(groupId, startSeq);
  }, [groupId, startSeq]);

  return state;
}

/** The REST page of a thread merged with what arrived live, in conversation order. */
export function mergePosts(
  base: readonly SpacePost[],
  live: ReadonlyMap<string, SpacePost>,
  thread: string,
  hidden: ReadonlySet<string>,
  retracted: ReadonlySet<string> = new Set(),
): SpacePost[] {
  const byId = new Map(base.map((p) => [p.id, p]));
  for (const post of live.values()) {
    if (threadKeyOf(post) !== thread) continue;
    const current = byId.get(post.id);
    if (!current || current.versionSeq < post.versionSeq) byId.set(post.id, post);
  }
  return [...byId.values()].filter((p) => !retracted.has(p.id) && (p.mine || !p.author.enrolmentId || !hidden.has(p.author.enrolmentId))).sort((a, b) => a.seq - b.seq);
}
