import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useMyModeratedItems } from './api';
import { logActionText, statusColor, statusLabel } from './copy';

/** For participants: what they shared that is waiting, was not published or was removed, with what happened and why. */
export function MyPostsPage() {
  const me = useMe();
  usePageTitle('Waiting and not published', me.service.name);
  const items = useMyModeratedItems();
  if (items.isPending) return <PageLoader label="Loading…" />;
  if (items.error || !items.data) return <ErrorRegion error={items.error} title="We couldn't load your posts" />;
  return (
    <Stack gap="md" maw={720}>
      <div>
        <Title order={1}>Waiting and not published</Title>
        <Text>
          Things you shared that a facilitator reads first, or decided not to publish. Only you and your facilitators see them. Everything else you shared is visible to your group.
        </Text>
      </div>
      {items.data.items.length === 0 ? <Text>Nothing is waiting: everything you shared is visible to your group.</Text> : null}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.data.items.map((item) => (
          <Card key={item.id} component="li" withBorder padding="md">
            <Stack gap={6}>
              <Group gap="xs" justify="space-between" wrap="wrap">
                <Text size="sm" c="dimmed">
                  Your {item.kindLabel} in {item.groupName} · {formatDateTime(item.createdAt)}
                </Text>
                <Badge color={statusColor[item.status] ?? 'gray'} variant="light">
                  {statusLabel[item.status] ?? item.status}
                </Badge>
              </Group>
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.text}</Text>
              <List size="sm" spacing={2} aria-label="What happened">
                {item.log.map((entry, i) => (
                  <List.Item key={i}>
                    {logActionText(entry.action)} ({formatDateTime(entry.at)}){entry.reason ? `: ${entry.reason}` : ''}
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
