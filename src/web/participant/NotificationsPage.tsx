import { Anchor, Badge, Button, Card, Group, Stack, Text, Title, VisuallyHidden, type TitleOrder } from '@mantine/core';
import { Link } from 'react-router';
import type { AppNotification } from '../api/types';
import { useMe } from '../auth/session';
import { ErrorRegion, QueryView, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useMarkRead, useNotifications } from './api';
import classes from '../layout/layout.module.css';

/** Messages from Hearth: sessions cancelled or moved, and other news. */
export function NotificationsPage() {
  const me = useMe();
  usePageTitle('Notifications', me.service.name);
  const list = useNotifications();
  const mark = useMarkRead();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Notifications</Title>
          <Text c="dimmed">Changes to your sessions and other news.</Text>
        </div>
        {list.data && list.data.unread > 0 ? (
          <Button variant="default" onClick={() => mark.all.mutate()} loading={mark.all.isPending}>
            Mark all as read
          </Button>
        ) : null}
      </Group>
      <ErrorRegion error={mark.all.error ?? mark.one.error} />
      <QueryView query={list} loadingLabel="Loading notifications…">
        {({ notifications }) =>
          notifications.length === 0 ? <Text>Nothing new. When a session changes, you will hear about it here.</Text> : <NotificationItems items={notifications} headingLevel={2} />
        }
      </QueryView>
    </Stack>
  );
}

/** Notifications as cards; unread ones are marked and can be marked read. */
export function NotificationItems({ items, headingLevel }: { items: AppNotification[]; headingLevel: TitleOrder }) {
  const mark = useMarkRead();
  return (
    <Stack gap="sm" component="ul" className={classes.plainList}>
      {items.map((n) => (
        <Card key={n.id} withBorder padding="sm" component="li" style={n.readAt ? undefined : { borderLeft: '4px solid var(--mantine-color-hearth-8)' }}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Title order={headingLevel} size="h5" className={classes.wrap}>
              {n.title}
            </Title>
            {n.readAt ? null : (
              <Badge variant="light" style={{ flexShrink: 0 }}>
                New
              </Badge>
            )}
          </Group>
          <Text size="sm" mt={4} className={classes.prewrap}>
            {n.body}
          </Text>
          <Group justify="space-between" mt="xs" gap="xs">
            <Text size="xs" c="dimmed">
              {formatDateTime(n.createdAt)}
              {n.kind === 'session_digest' && n.sessionId ? (
                <>
                  {' · '}
                  <Anchor component={Link} to={`/sessions/${n.sessionId}/digest`} size="xs" underline="always">
                    Read the digest
                  </Anchor>
                </>
              ) : n.groupId ? (
                <>
                  {' · '}
                  <Anchor component={Link} to={`/groups/${n.groupId}`} size="xs" underline="always">
                    Open the group
                  </Anchor>
                </>
              ) : null}
            </Text>
            {n.readAt ? null : (
              <Button size="compact-xs" variant="subtle" onClick={() => mark.one.mutate(n.id)}>
                Mark as read<VisuallyHidden>: {n.title}</VisuallyHidden>
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
