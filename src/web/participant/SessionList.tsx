import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { UpcomingSession } from '../api/types';
import { formatRangeInZone } from '../layout/time';
import classes from '../layout/layout.module.css';

type Item = Pick<UpcomingSession, 'id' | 'groupName' | 'startsAt' | 'endsAt' | 'timezone' | 'topic' | 'status' | 'location' | 'meetingUrl'>;

/** Sessions as cards: when (in the group's time zone), what, where; cancelled ones clearly marked. */
export function SessionList({ sessions, showGroup = true, empty }: { sessions: Item[]; showGroup?: boolean; empty: string }) {
  if (sessions.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <Stack gap="sm" component="ul" className={classes.plainList}>
      {sessions.map((s) => {
        const cancelled = s.status === 'cancelled';
        return (
          <Card key={s.id} withBorder padding="sm" component="li" bg={cancelled ? 'gray.0' : undefined}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/sessions/${s.id}`} fw={600} td={cancelled ? 'line-through' : undefined}>
                  {formatRangeInZone(s.startsAt, s.endsAt, s.timezone)}
                </Anchor>
                <Text size="sm">
                  {s.topic}
                  {showGroup ? ` · ${s.groupName}` : ''}
                </Text>
              </div>
              {cancelled ? (
                <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
                  Cancelled
                </Badge>
              ) : null}
            </Group>
            {cancelled ? (
              <Text size="sm" mt={4}>
                This session will not take place.
              </Text>
            ) : (
              <Text size="sm" c="dimmed" mt={4} className={classes.wrap}>
                {s.location ? s.location : null}
                {s.location && s.meetingUrl ? ' · ' : null}
                {s.meetingUrl ? (
                  <Anchor href={s.meetingUrl} target="_blank" rel="noreferrer" size="sm">
                    Join online
                  </Anchor>
                ) : null}
                {!s.location && !s.meetingUrl ? 'Your facilitators will tell you where we meet.' : null}
              </Text>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
