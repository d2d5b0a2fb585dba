import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useNow } from '../layout/useNow';
import { Link } from 'react-router';
import type { GroupDetail, GroupSession } from '../api/types';
import { QueryView, SuccessRegion } from '../layout/feedback';
import { ResponsiveTable, type Column } from '../layout/ResponsiveTable';
import { formatClockInZone, formatDayInZone, zoneLabel } from '../layout/time';
import { sessionStatusColor, sessionStatusLabel } from '../sessions/api';
import { useGroupSessions, type SessionWhen } from './api';
import { SessionChangeModal, type SessionChange } from './SessionChangeModal';

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
  const columns = sessionColumns((s) => <SessionActions session={s} facilitator={facilitator} onChange={setChange} />);

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
          return <ResponsiveTable rows={rows} columns={columns} rowKey={(s) => s.id} label="Sessions" />;
        }}
      </QueryView>
      <SessionChangeModal groupId={group.id} target={change} onClose={() => setChange(null)} onDone={setDone} />
    </Stack>
  );
}

/** The sessions list: on a phone card the date and time (the link), then the number and topic, the status beside them, the note once held or cancelled. */
function sessionColumns(actions: (s: GroupSession) => ReactNode): Column<GroupSession>[] {
  const when = (s: GroupSession) => `${formatDayInZone(s.startsAt, s.timezone)}, ${formatClockInZone(s.startsAt, s.timezone)}`;
  return [
    { key: 'number', header: 'No.', card: 'none', cell: (s) => s.number ?? '—' },
    {
      key: 'when',
      header: 'Date and time',
      card: 'title',
      cell: (s) => (
        <Anchor component={Link} to={`/sessions/${s.id}`} size="sm">
          {when(s)}
        </Anchor>
      ),
      cardCell: (s) => (
        <Anchor component={Link} to={`/sessions/${s.id}`} fw={600}>
          {when(s)}
        </Anchor>
      ),
    },
    { key: 'topic', header: 'Topic', card: 'title', cell: (s) => s.topic, cardCell: (s) => `${s.number ? `Session ${s.number} · ` : ''}${s.topic}` },
    { key: 'status', header: 'Status', card: 'aside', cell: (s) => <StatusBadge session={s} /> },
    {
      key: 'note',
      header: 'Note',
      card: 'detail',
      cell: noteLabel,
      cardCell: (s) =>
        s.status !== 'scheduled' ? (
          <Text span size="sm" c="dimmed">
            Note: {noteLabel(s)}
          </Text>
        ) : null,
    },
    { key: 'actions', header: 'Actions', hideHeader: true, card: 'actions', td: { ta: 'right' }, cell: actions },
  ];
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
