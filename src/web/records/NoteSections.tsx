import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ParticipantRecord } from '../api/types';
import { formatInZone } from '../layout/time';
import classes from '../layout/layout.module.css';

/** The member's own sections of the group notes ("document once": filed here from each session note). */
export function NoteSections({ record }: { record: ParticipantRecord }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="note-sections-heading">
      <Title order={2} size="h3" id="note-sections-heading" mb="sm">
        Notes
      </Title>
      {record.notes.length === 0 ? (
        <Text size="sm">No note sections yet.</Text>
      ) : (
        <Stack gap="sm" component="ul" className={classes.plainList}>
          {record.notes.map((n) => (
            <Card key={n.sessionId} withBorder padding="sm" component="li" data-testid="record-note">
              <Group justify="space-between" align="flex-start" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/sessions/${n.sessionId}`} fw={600} size="sm">
                    {formatInZone(n.startsAt, record.timezone)}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {n.topic}
                  </Text>
                </div>
                <Badge color={n.noteStatus === 'signed' ? 'green' : 'yellow'} variant="light" style={{ flexShrink: 0 }}>
                  {n.noteStatus === 'signed' ? 'Signed' : 'Draft'}
                </Badge>
              </Group>
              <Text size="sm" mt={6} className={classes.prewrap}>
                {n.body}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </Card>
  );
}
