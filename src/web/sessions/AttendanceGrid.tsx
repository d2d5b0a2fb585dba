import { Badge, Button, Card, Group, NativeSelect, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNow } from '../layout/useNow';
import type { AttendanceStatus, RosterEntry, SessionDetail } from '../api/types';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';
import { attendanceColor, attendanceLabel, describeAttendance, useRecordAttendance, type AttendanceException } from './api';
import classes from './sessions.module.css';

const EARLY_MS = 30 * 60_000;
const STATUSES: AttendanceStatus[] = ['present', 'late', 'left_early', 'excused', 'absent'];

interface Row {
  status: AttendanceStatus;
  minutes: number | string;
}

function initialRows(roster: RosterEntry[]): Record<string, Row> {
  return Object.fromEntries(roster.map((r) => [r.enrolmentId, { status: r.attendance ?? 'present', minutes: r.minutes ?? '' }]));
}

const withMinutes = (status: AttendanceStatus) => status === 'late' || status === 'left_early';

/**
 * Attendance for the whole session: everyone starts as present and the facilitator changes the
 * exceptions. One labelled group per member (status, and minutes when late or leaving early).
 */
export function AttendanceGrid({ detail }: { detail: SessionDetail }) {
  const { session, roster } = detail;
  const [rows, setRows] = useState(() => initialRows(roster));
  const [saved, setSaved] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [editing, setEditing] = useState(() => !roster.some((r) => r.attendance !== null));
  const record = useRecordAttendance(session.id, session.groupId);
  const recorded = roster.some((r) => r.attendance !== null);
  const now = useNow();
  const tooEarly = new Date(session.startsAt).getTime() - EARLY_MS > now;

  const set = (id: string, change: Partial<Row>) => {
    setSaved(null);
    setRows((old) => ({ ...old, [id]: { ...old[id]!, ...change } }));
  };
  const minutesProblem = (row: Row) => {
    if (!withMinutes(row.status) || row.minutes === '') return undefined;
    const n = Number(row.minutes);
    return Number.isInteger(n) && n >= 1 && n <= 480 ? undefined : 'Enter 1 to 480 minutes.';
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (roster.some((r) => minutesProblem(rows[r.enrolmentId]!))) return;
    const exceptions: AttendanceException[] = roster
      .map((r) => ({ id: r.enrolmentId, row: rows[r.enrolmentId]! }))
      .filter(({ row }) => row.status !== 'present')
      .map(({ id, row }) => ({
        enrolmentId: id,
        status: row.status,
        ...(withMinutes(row.status) && row.minutes !== '' ? { minutes: Number(row.minutes) } : {}),
      }));
    record.mutate(exceptions, {
      onSuccess: () => {
        setEditing(false);
        setSaved(`Attendance saved: ${roster.length - exceptions.length} present, ${exceptions.length} other.`);
      },
    });
  }

  let body;
  if (session.status === 'cancelled') body = <Text>This session was cancelled, so there is no attendance to take.</Text>;
  else if (roster.length === 0) body = <Text>Nobody was a member of the group at this session.</Text>;
  else if (tooEarly) body = <Text>You can take attendance from 30 minutes before the session starts.</Text>;
  else if (!editing)
    body = (
      <Stack gap="sm">
        <SuccessRegion message={saved} />
        <ul className={classes.summary} aria-label="Attendance by member">
          {roster.map((r) => (
            <li key={r.enrolmentId}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm">
                  <Text span fw={600} size="sm">
                    {r.pseudonym}
                  </Text>{' '}
                  ({r.displayName})
                </Text>
                <Badge color={r.attendance ? attendanceColor[r.attendance] : 'gray'} variant="light" style={{ flexShrink: 0 }}>
                  {describeAttendance(r.attendance, r.minutes)}
                </Badge>
              </Group>
            </li>
          ))}
        </ul>
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setRows(initialRows(roster));
              setSaved(null);
              setEditing(true);
            }}
          >
            Change attendance
          </Button>
        </Group>
      </Stack>
    );
  else
    body = (
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {recorded
              ? 'Attendance was recorded. Change anything that is not right and save again.'
              : 'Everyone starts as present. Change only the people who were late, left early or missed the session.'}
          </Text>
          <Group>
            <Button variant="default" size="xs" onClick={() => setRows(Object.fromEntries(roster.map((r) => [r.enrolmentId, { status: 'present', minutes: '' }])))}>
              Everyone present
            </Button>
          </Group>
          <div className={classes.head} aria-hidden="true">
            <span>Member</span>
            <span>Attendance</span>
            <span>Minutes</span>
          </div>
          <ul className={classes.grid} aria-label="Members">
            {roster.map((r) => {
              const row = rows[r.enrolmentId]!;
              const nameId = `attendee-${r.enrolmentId}`;
              return (
                <li key={r.enrolmentId}>
                  <div role="group" aria-labelledby={nameId} className={classes.row}>
                    <div id={nameId}>
                      <Text span fw={600}>
                        {r.pseudonym}
                      </Text>{' '}
                      <Text span size="sm" c="dimmed">
                        ({r.displayName})
                      </Text>
                    </div>
                    <NativeSelect
                      label="Attendance"
                      labelProps={{ className: classes.fieldLabel }}
                      value={row.status}
                      onChange={(e) => set(r.enrolmentId, { status: e.currentTarget.value as AttendanceStatus })}
                      data={STATUSES.map((s) => ({ value: s, label: attendanceLabel[s] }))}
                    />
                    {withMinutes(row.status) ? (
                      <NumberInput
                        label={row.status === 'late' ? 'Minutes late' : 'Minutes early'}
                        labelProps={{ className: classes.fieldLabel }}
                        min={1}
                        max={480}
                        value={row.minutes}
                        onChange={(v) => set(r.enrolmentId, { minutes: v })}
                        error={attempted ? minutesProblem(row) : undefined}
                      />
                    ) : (
                      <div aria-hidden="true" />
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
          <ErrorRegion error={record.error} title="We couldn't save the attendance" />
          <Group>
            <Button type="submit" loading={record.isPending}>
              Save attendance
            </Button>
            {recorded ? (
              <Button variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="attendance-heading">
      <Title order={2} size="h3" id="attendance-heading" mb="sm">
        Attendance
      </Title>
      {body}
    </Card>
  );
}
