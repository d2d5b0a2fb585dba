import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { formatDate } from '../layout/format';
import type { Appreciation } from './api';

/** One appreciation: who it is from (or to), about which session, and the words. */
export function AppreciationCard({ appreciation: a, direction }: { appreciation: Appreciation; direction: 'received' | 'sent' }) {
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Text fw={600} size="sm">
            {direction === 'received' ? `From ${a.fromPseudonym}` : `To ${a.toPseudonyms.join(', ')}`}
          </Text>
          <Group gap={6}>
            {a.isNew ? (
              <Badge color="grape" variant="light">
                New
              </Badge>
            ) : null}
            {a.status === 'held' ? (
              <Badge color="yellow" variant="light">
                Waiting for a facilitator
              </Badge>
            ) : null}
            {a.status === 'rejected' ? (
              <Badge color="gray" variant="light">
                Not passed on
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {a.body}
        </Text>
        <Text size="xs" c="dimmed">
          {a.groupName}
          {a.sessionLabel ? ` · ${a.sessionLabel}` : ''} · {formatDate(a.createdAt)}
        </Text>
      </Stack>
    </Card>
  );
}
