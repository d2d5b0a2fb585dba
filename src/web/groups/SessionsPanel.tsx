import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useNow } from '../layout/useNow';
import { Link } from 'react-router';
import type { GroupDetail, GroupSession } from '../api/types';
import { QueryView, SuccessRegion } from '../layout/feedback';
import { formatClockInZone, formatDayInZone, zoneLabel } from '../layout/time';
import { sessionStatusColor, sessionStatusLabel } from '../sessions/api';
import { useGroupSessions, type SessionWhen } from './api';
import { SessionChangeModal, type SessionChange } from './SessionChangeModal';
import classes from '../layout/layout.module.css';

interface Props {
  group: GroupDetail;
  facilitator: boolean;
}

/** Upcoming and past sessions; facilitators open each one and cancel or move upcoming ones. */
export function SessionsPanel({ group, facilitator }: Props) {
  const [when, setWhen] = useState<Exclude<SessionWhen, 'all'>>('upcoming');
  const sessions = useGroupSessions(group.id, when);
  const [change, setChange] = useState<SessionChange>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <SegmentedControl
          value={when}
          onChange={(v) => setWhen(v as typeof when)}
          data={[
            { value: 'upcoming', label: 'Upcoming' },
            { value: 'past', label: 'Past' },
          ]}
          aria-label="Which sessions"
        />
        <Text size="sm" c="dimmed">
          Times in {zoneLabel(group.timezone)}
        </Text>
      </Group>
      <SuccessRegion message={done} />
      <QueryView query={sessions} loadingLabel="Loading sessions…">
        {({ sessions: list }) => {
          const rows = list;
          if (rows.length === 0) return <Text>{when === 'past' ? 'No sessions have taken place yet.' : 'No upcoming sessions. Set a schedule to plan them.'}</Text>;
          const actions = (s: GroupSession) => <SessionActions session={s} facilitator={facilitator} onChange={setChange} />;
          return (
            <>
              <Table.ScrollContainer minWidth={0} visibleFrom="md">
                <Table striped verticalSpacing="sm" bg="white">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">No.</Table.Th>
                      <Table.Th scope="col">Date and time</Table.Th>
                      <Table.Th scope="col">Topic</Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                      <Table.Th scope="col">Note</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>{s.number ?? '—'}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/sessions/${s.id}`} size="sm">
                            {formatDayInZone(s.startsAt, s.timezone)}, {formatClockInZone(s.startsAt, s.timezone)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{s.topic}</Table.Td>
                        <Table.Td>
                          <StatusBadge session={s} />
                        </Table.Td>
                        <Table.Td>{noteLabel(s)}</Table.Td>
                        <Table.Td ta="right">{actions(s)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Stack gap="sm" hiddenFrom="md" component="ul" className={classes.plainList} aria-label="Sessions">
                {rows.map((s) => (
                  <Card key={s.id} withBorder padding="sm" component="li">
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                      <div style={{ minWidth: 0 }}>
                        <Anchor component={Link} to={`/sessions/${s.id}`} fw={600}>
                          {formatDayInZone(s.startsAt, s.timezone)}, {formatClockInZone(s.startsAt, s.timezone)}
                        </Anchor>
                        <Text size="sm">
                          {s.number ? `Session ${s.number} · ` : ''}
                          {s.topic}
                        </Text>
                      </div>
                      <StatusBadge session={s} />
                    </Group>
                    {s.status !== 'scheduled' ? (
                      <Text size="sm" c="dimmed" mt={4}>
                        Note: {noteLabel(s)}
                      </Text>
                    ) : null}
                    <Group mt="xs">{actions(s)}</Group>
                  </Card>
                ))}
              </Stack>
            </>
          );
        }}
      </QueryView>
      <SessionChangeModal groupId={group.id} target={change} onClose={() => setChange(null)} onDone={setDone} />
    </Stack>
  );
}

function noteLabel(s: GroupSession): string {
  if (s.status === 'cancelled') return '—';
  if (s.noteStatus === 'signed') return 'Signed';
  if (s.noteStatus === 'draft') return 'Draft';
  return s.status === 'held' ? 'Not written' : '—';
}

function StatusBadge({ session }: { session: GroupSession }) {
  return (
    <Badge color={sessionStatusColor[session.status]} variant="light" style={{ flexShrink: 0 }} title={session.cancelReason ?? undefined}>
      {sessionStatusLabel[session.status]}
    </Badge>
  );
}

function SessionActions({ session, facilitator, onChange }: { session: GroupSession; facilitator: boolean; onChange: (c: SessionChange) => void }) {
  const now = useNow();
  const changeable = facilitator && session.status === 'scheduled' && new Date(session.startsAt).getTime() > now;
  if (!changeable) return null;
  const label = session.number ? `session ${session.number}` : session.topic;
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="default" onClick={() => onChange({ session, mode: 'reschedule' })} aria-label={`Move ${label}`}>
        Move
      </Button>
      <Button size="xs" variant="default" color="red" onClick={() => onChange({ session, mode: 'cancel' })} aria-label={`Cancel ${label}`}>
        Cancel
      </Button>
    </Group>
  );
}
