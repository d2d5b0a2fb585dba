import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ParticipantRecord } from '../api/types';
import { formatRate } from '../groups/api';
import { formatInZone, zoneLabel } from '../layout/time';
import { attendanceColor, describeAttendance } from '../sessions/api';
import classes from '../layout/layout.module.css';

/** Every recorded session of the member, newest first, with the attendance rate. */
export function AttendanceHistory({ record }: { record: ParticipantRecord }) {
  const rows = record.attendance;
  const tz = record.timezone;
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
        <>
          <Table.ScrollContainer minWidth={0} visibleFrom="sm">
            <Table striped verticalSpacing="xs">
              <Table.Caption>Times in {zoneLabel(tz)}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Session</Table.Th>
                  <Table.Th scope="col">Topic</Table.Th>
                  <Table.Th scope="col">Attendance</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr key={a.sessionId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/sessions/${a.sessionId}`} size="sm">
                        {formatInZone(a.startsAt, tz, { zone: false })}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a.topic}</Table.Td>
                    <Table.Td>
                      <Badge color={attendanceColor[a.status]} variant="light">
                        {describeAttendance(a.status, a.minutes)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap="xs" hiddenFrom="sm" component="ul" className={classes.plainList} aria-label="Attendance by session">
            {rows.map((a) => (
              <li key={a.sessionId}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={`/sessions/${a.sessionId}`} size="sm">
                      {formatInZone(a.startsAt, tz, { zone: false })}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {a.topic}
                    </Text>
                  </div>
                  <Badge color={attendanceColor[a.status]} variant="light" style={{ flexShrink: 0 }}>
                    {describeAttendance(a.status, a.minutes)}
                  </Badge>
                </Group>
              </li>
            ))}
          </Stack>
        </>
      )}
    </Card>
  );
}
