import { Badge, Button, Group, Stack, Text, TextInput, Textarea, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { MAX_POST_CHARS } from '../../shared/schemas/space';
import { ErrorRegion } from '../layout/feedback';
import { FormModal } from '../layout/FormModal';
import { formatDateTime } from '../layout/format';
import { spaceApi, useSpaceAction, type SpaceOverview } from './api';
import { careTeamMessage } from './CareTeamTold';
import classes from './space.module.css';
import { usePreviewedSend } from './usePreviewedSend';

/** The chat and the threads, each with its unread count. */
export function ThreadList({ overview, current }: { overview: SpaceOverview; current: string | null }) {
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="xs" component="nav" aria-label="Conversations">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Conversations
        </Title>
        <Button size="compact-sm" variant="light" onClick={() => setCreating(true)}>
          New thread
        </Button>
      </Group>
      {overview.threads.map((thread) => (
        <UnstyledButton
          key={thread.key}
          component={Link}
          to={`/groups/${overview.groupId}/space/${thread.key}`}
          className={classes.threadLink}
          aria-current={current === thread.key ? 'page' : undefined}
          p="xs"
          data-testid="space-thread"
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Text fw={600} size="sm" truncate>
                  {thread.title}
                </Text>
                {thread.pinned && thread.key !== 'chat' ? (
                  <Badge size="xs" variant="light" color="gray">
                    Pinned
                  </Badge>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed">
                {thread.postCount} message{thread.postCount === 1 ? '' : 's'}
                {thread.lastActivityAt ? ` · ${formatDateTime(thread.lastActivityAt)}` : ''}
              </Text>
            </div>
            {thread.unread > 0 ? (
              <Badge color="blue.8" variant="filled" circle={thread.unread < 10}>
                {thread.unread}
                <VisuallyHidden> unread</VisuallyHidden>
              </Badge>
            ) : null}
          </Group>
        </UnstyledButton>
      ))}
      <NewThreadModal groupId={overview.groupId} opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

/** Opening a thread: title and first message go through the same preview as every message. */
function NewThreadModal({ groupId, opened, onClose }: { groupId: string; opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  // The new thread's id once it was held for the care team: the modal says who was told, then opens it.
  const [opening, setOpening] = useState<string | null>(null);
  const preview = usePreviewedSend(groupId, 'post');
  const create = useSpaceAction(groupId, (body: { title: string; text: string }) => spaceApi.createThread(groupId, body));
  const finish = (threadId: string) => {
    onClose();
    void navigate(`/groups/${groupId}/space/${threadId}`);
  };
  const send = (close: () => void) =>
    create.mutate(
      { title, text },
      {
        onSuccess: (result) => {
          // Held for the care team: say who was told before moving on.
          if (careTeamMessage(result.post.statusReasons)) {
            preview.sent(result.post.statusReasons);
            setOpening(result.threadId);
          } else {
            close();
            void navigate(`/groups/${groupId}/space/${result.threadId}`);
          }
        },
      },
    );
  return (
    <FormModal
      opened={opened}
      // Closed after the thread was made (×, Escape): it opens, as "Go to the thread" would.
      onClose={opening ? () => finish(opening) : onClose}
      title="Start a thread"
      submitLabel="Start thread"
      mutation={create}
      pending={create.isPending || preview.checking}
      submitDisabled={!title.trim() || !text.trim()}
      hideActions={preview.choosing}
      onReset={() => {
        setTitle('');
        setText('');
        setOpening(null);
        preview.reset();
      }}
      onSubmit={(close) => void preview.check({ title, text }, () => send(close))}
      result={
        opening ? (
          <Stack gap="md">
            {preview.notice}
            <Group justify="flex-end">
              <Button onClick={() => finish(opening)} data-autofocus>
                Go to the thread
              </Button>
            </Group>
          </Stack>
        ) : undefined
      }
    >
      <TextInput
        label="Topic"
        required
        maxLength={120}
        value={title}
        onChange={(e) => {
          setTitle(e.currentTarget.value);
          preview.reset();
        }}
      />
      <Textarea
        label="First message"
        required
        autosize
        minRows={3}
        maxLength={MAX_POST_CHARS}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          preview.reset();
        }}
      />
      {preview.problem ? <ErrorRegion error={preview.problem} title="Please change this before sending" /> : null}
      {preview.notice}
    </FormModal>
  );
}
