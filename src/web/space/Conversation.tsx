import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorRegion, QueryView, SuccessRegion } from '../layout/feedback';
import { ActionModal } from './ActionModal';
import { fetchOlder, spaceApi, spaceKeys, useSpaceAction, useThreadPosts, type SpaceOverview, type SpacePost } from './api';
import { Composer } from './Composer';
import { PostItem, type PostAction } from './PostItem';
import classes from './space.module.css';
import { mergePosts } from './useLiveSpace';

const DONE: Partial<Record<PostAction, string>> = {
  report_worried: 'Thank you. A facilitator has been told.',
  report_agreement: 'Thank you. A facilitator will look at the message.',
  tag: 'The facilitators will bring this to the next session.',
  mute: 'Muted. You will not see their messages.',
  block: 'Blocked.',
  remove: 'The message was removed.',
  approve: 'Released to the group.',
  release_edited: 'Released to the group with your edit. The author has been told.',
  reject: 'The author has been told.',
};

/** The chat or one thread: messages (REST page + live), the composer, and per-message actions. */
export function Conversation({
  overview,
  thread,
  live,
  retracted,
}: {
  overview: SpaceOverview;
  thread: string;
  live: ReadonlyMap<string, SpacePost>;
  retracted: ReadonlySet<string>;
}) {
  const groupId = overview.groupId;
  const page = useThreadPosts(groupId, thread);
  const [pending, setPending] = useState<{ action: PostAction; post: SpacePost } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const staff = overview.me.role === 'staff';
  const hidden = new Set([...overview.muted, ...overview.blocked]);
  const [older, setOlder] = useState<{ posts: SpacePost[]; hasMore: boolean } | null>(null);
  const posts = mergePosts([...(older?.posts ?? []), ...(page.data?.posts ?? [])], live, thread, hidden, retracted);
  const hasMore = older ? older.hasMore : (page.data?.hasMore ?? false);
  const loadOlder = () => {
    const first = posts[0];
    if (!first) return;
    fetchOlder(groupId, thread, first.seq).then((more) => setOlder({ posts: [...[...more.posts].reverse(), ...(older?.posts ?? [])], hasMore: more.hasMore }), setError);
  };
  const lastSeq = posts.reduce((max, p) => Math.max(max, p.seq), 0);
  const endRef = useRef<HTMLDivElement>(null);
  const summary = overview.threads.find((t) => t.key === thread);

  const act = useSpaceAction(groupId, async ({ action, post, note }: { action: PostAction; post: SpacePost; note: string }) => {
    switch (action) {
      case 'report_worried':
        return spaceApi.report(post.id, 'worried', note || undefined);
      case 'report_agreement':
        return spaceApi.report(post.id, 'agreement', note || undefined);
      case 'tag':
        return spaceApi.tag(post.id, note || undefined);
      case 'mute':
        return post.author.enrolmentId ? spaceApi.mute(groupId, post.author.enrolmentId, true) : undefined;
      case 'block':
        return post.author.enrolmentId ? spaceApi.block(groupId, post.author.enrolmentId, true) : undefined;
      case 'withdraw':
        return spaceApi.withdraw(post.id);
      case 'remove':
        return spaceApi.remove(post.id, note);
      case 'approve':
        return spaceApi.approve(post.id);
      case 'release_edited':
        return spaceApi.approve(post.id, note);
      case 'reject':
        return spaceApi.reject(post.id, note);
    }
  });

  // Reading the conversation moves the read marker (and clears its unread badge), also for
  // messages that arrive while it is open.
  const client = useQueryClient();
  const marked = useRef(0);
  useEffect(() => {
    if (lastSeq <= marked.current) return;
    marked.current = lastSeq;
    spaceApi.markRead(groupId, thread, lastSeq).then(
      () => Promise.all([client.invalidateQueries({ queryKey: spaceKeys.overview(groupId) }), client.invalidateQueries({ queryKey: spaceKeys.mySpaces })]),
      () => undefined,
    );
  }, [client, groupId, thread, lastSeq]);

  // Opening the conversation takes the reader back to where they stopped: the first message
  // they have not read (marked "New since you last read"), or the end when all is read. After
  // that, new messages at the end bring the view down; earlier ones loaded at the top do not.
  const [unreadAtOpen, setUnreadAtOpen] = useState<number | null>(null);
  if (unreadAtOpen === null && page.data) setUnreadAtOpen(summary?.unread ?? 0);
  const firstUnread = unreadAtOpen && page.data ? page.data.posts[page.data.posts.length - unreadAtOpen] : undefined;
  const firstUnreadRef = useRef<HTMLDivElement>(null);
  const placed = useRef(false);
  const lastId = posts[posts.length - 1]?.id;
  useEffect(() => {
    if (!lastId) return;
    if (!placed.current && firstUnreadRef.current) firstUnreadRef.current.scrollIntoView?.({ block: 'start' });
    else endRef.current?.scrollIntoView?.({ block: 'end' });
    placed.current = true;
  }, [lastId]);

  const onAction = (action: PostAction, post: SpacePost) => {
    setDone(null);
    setError(null);
    if (action === 'approve') {
      act.mutate({ action, post, note: '' }, { onSuccess: () => setDone(DONE.approve ?? null), onError: setError });
      return;
    }
    setPending({ action, post });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3">
          {summary?.title ?? 'Conversation'}
        </Title>
        <Anchor component={Link} to={`/groups/${groupId}/space`} size="sm" hiddenFrom="md">
          All conversations
        </Anchor>
      </Group>
      <SuccessRegion message={done} />
      {error ? <ErrorRegion error={error} /> : null}
      <QueryView query={page} loadingLabel="Loading messages…">
        {() => (
          <div className={classes.messages} aria-live="polite" aria-relevant="additions" data-testid="space-messages">
            {hasMore ? (
              <Button variant="subtle" size="compact-sm" onClick={loadOlder}>
                Show earlier messages
              </Button>
            ) : null}
            {posts.length === 0 ? <Text c="dimmed">No messages yet. Say hello.</Text> : null}
            {posts.map((post) => (
              <div key={post.id}>
                {post.id === firstUnread?.id ? (
                  <div ref={firstUnreadRef} className={classes.newSince} role="separator" aria-label="New since you last read">
                    New since you last read
                  </div>
                ) : null}
                <PostItem post={post} staff={staff} onAction={onAction} />
              </div>
            ))}
            <div ref={endRef} />
          </div>
        )}
      </QueryView>
      <div className={classes.composerDock}>
        <Composer groupId={groupId} thread={thread} label={thread === 'chat' ? 'Message the group' : 'Reply in this thread'} onSent={() => setDone(null)} />
      </div>
      <ActionModal
        key={pending ? `${pending.action}-${pending.post.id}` : 'none'}
        action={pending?.action ?? null}
        post={pending?.post ?? null}
        onClose={() => setPending(null)}
        onConfirm={async (note) => {
          if (!pending) return;
          await act.mutateAsync({ ...pending, note });
          setDone(DONE[pending.action] ?? null);
        }}
      />
      {overview.muted.length + overview.blocked.length > 0 ? <UnmuteNotice overview={overview} /> : null}
    </Stack>
  );
}

/** Lets a member undo their mutes and blocks. */
function UnmuteNotice({ overview }: { overview: SpaceOverview }) {
  const undo = useSpaceAction(overview.groupId, async () => {
    for (const id of overview.muted) await spaceApi.mute(overview.groupId, id, false);
    for (const id of overview.blocked) await spaceApi.block(overview.groupId, id, false);
  });
  return (
    <Alert variant="light" color="gray" title="Hidden members">
      <Group justify="space-between">
        <Text size="sm">
          You muted or blocked {overview.muted.length + overview.blocked.length} member{overview.muted.length + overview.blocked.length === 1 ? '' : 's'}.
        </Text>
        <Button size="compact-sm" variant="default" onClick={() => undo.mutate(undefined)} loading={undo.isPending}>
          Show everyone again
        </Button>
      </Group>
    </Alert>
  );
}
