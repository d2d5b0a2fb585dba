import { Badge, Card, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../auth/session';
import { useMyGroups } from '../groups/api';
import { QueryView, usePageTitle } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { useSharedFeed, type SharedItem } from './api';
import { MODERATION_TEXT } from './labels';
import { ReactionBar } from './ReactionBar';
import { formatLocalDate } from '../layout/time';

function headline(item: SharedItem): string {
  const who = item.mine ? 'You' : item.author;
  switch (item.kind) {
    case 'goal':
      return `${who} set a goal`;
    case 'celebration':
      return `${who} reached a milestone`;
    case 'skill_practice':
      return `${who} practised a skill`;
  }
}

function SharedCard({ item, canReact }: { item: SharedItem; canReact: boolean }) {
  const headingId = `shared-${item.id}`;
  const pending = item.moderationStatus !== 'published';
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Title order={2} size="h5" id={headingId}>
          {headline(item)}
        </Title>
        <Text size="xs" c="dimmed">
          {formatDate(item.createdAt)}
        </Text>
        {pending ? (
          <Badge variant="light" color="yellow" style={{ alignSelf: 'flex-start' }}>
            {MODERATION_TEXT[item.moderationStatus as 'held' | 'rejected' | 'removed']}
          </Badge>
        ) : null}
        {item.title ? (
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
        ) : null}
        {item.kind === 'goal' && item.dueDate ? <Text size="sm">By {formatLocalDate(item.dueDate)}</Text> : null}
        {item.body ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {item.body}
          </Text>
        ) : null}
        {item.rating !== null ? <Text size="sm">How it went: {item.rating} of 5</Text> : null}
        {item.reactions && item.kind !== 'goal' ? (
          <ReactionBar kind={item.kind} id={item.id} reactions={item.reactions} canReact={canReact && !item.mine && !pending} subject={headline(item)} />
        ) : null}
      </Stack>
    </Card>
  );
}

/** "Group celebrations": what members chose to share — goals, reached steps, practice — with supportive reactions. */
export function CelebrationsPage() {
  const me = useMe();
  usePageTitle('Group celebrations', me.service.name);
  const groups = useMyGroups();
  const [chosen, setChosen] = useState<string | null>(null);
  const list = groups.data?.groups ?? [];
  const groupId = chosen ?? list[0]?.id ?? null;
  const feed = useSharedFeed(groupId);
  return (
    <Stack gap="md" maw={720}>
      <div>
        <Title order={1}>Group celebrations</Title>
        <Text c="dimmed" size="sm">
          Steps members chose to share. Cheer each other on — reactions are supportive only.
        </Text>
      </div>
      {list.length > 1 ? <Select label="Group" data={list.map((g) => ({ value: g.id, label: g.name }))} value={groupId} onChange={setChosen} allowDeselect={false} /> : null}
      {groups.isSuccess && list.length === 0 ? <Text>You are not in a group at the moment.</Text> : null}
      {groupId ? (
        <QueryView query={feed}>
          {(data) =>
            data.items.length === 0 ? (
              <Card withBorder padding="lg">
                <Text>Nothing shared in {data.groupName} yet. When you reach a step of a goal, you can celebrate it here.</Text>
              </Card>
            ) : (
              <Stack gap="sm">
                {data.items.map((item) => (
                  <SharedCard key={`${item.kind}-${item.id}`} item={item} canReact={me.user.role === 'participant'} />
                ))}
              </Stack>
            )
          }
        </QueryView>
      ) : null}
    </Stack>
  );
}
