import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ParticipantRecord } from '../api/types';
import { formatRate } from '../groups/api';
import { ResponsiveTable, type Column } from '../layout/ResponsiveTable';
import { formatInZone, zoneLabel } from '../layout/time';
import { attendanceColor, describeAttendance } from '../sessions/api';

type Attendance = ParticipantRecord['attendance'][number];

/** Every recorded session of the member, newest first, with the attendance rate. */
export function AttendanceHistory({ record }: { record: ParticipantRecord }) {
  const rows = record.attendance;
  const tz = record.timezone;
  const columns: Column<Attendance>[] = [
    {
      key: 'session',
      header: 'Session',
      card: 'title',
      cell: (a) => (
        <Anchor component={Link} to={`/sessions/${a.sessionId}`} size="sm">
          {formatInZone(a.startsAt, tz, { zone: false })}
        </Anchor>
      ),
    },
    { key: 'topic', header: 'Topic', card: 'title', cell: (a) => a.topic },
    {
      key: 'attendance',
      header: 'Attendance',
      card: 'aside',
      cell: (a) => (
        <Badge color={attendanceColor[a.status]} variant="light">
          {describeAttendance(a.status, a.minutes)}
        </Badge>
      ),
    },
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="attendance-history-heading">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} size="h3" id="attendance-history-heading">
          Attendance
        </Title>
        <Text size="sm">
          Rate <strong>{formatRate(record.attendanceRate)}</strong> over {rows.length} {rows.length === 1 ? 'session' : 'sessions'}
        </Text>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm">No attendance recorded yet.</Text>
      ) : (
        <ResponsiveTable
          rows={rows}
          columns={columns}
          rowKey={(a) => a.sessionId}
          label="Attendance by session"
          caption={`Times in ${zoneLabel(tz)}`}
          breakpoint="sm"
          verticalSpacing="xs"
        />
      )}
    </Card>
  );
}
