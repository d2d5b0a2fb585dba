import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { GroupDetail } from '../api/types';
import { formatInZone, zoneLabel } from '../layout/time';
import { Fact, Facts } from '../layout/Facts';
import { IsolationPanel } from '../isolation/IsolationPanel';
import { formatRate } from './api';
import { describeSchedule } from './rrule';
import classes from '../layout/layout.module.css';

interface Props {
  group: GroupDetail;
  facilitator: boolean;
  onOpenTab: (tab: string) => void;
}

/** The group at a glance: who needs a call, when and where it meets, how full it is. */
export function GroupOverview({ group, facilitator, onOpenTab }: Props) {
  const alerts = group.attendanceAlerts ?? [];
  const current = group.members.filter((m) => m.status === 'active' || m.status === 'paused' || m.status === 'invited');
  const places = group.waitlist;
  return (
    <Stack gap="md">
      {alerts.length > 0 ? (
        <Alert color="orange" variant="light" title="Attendance needs a check-in" component="section" aria-label="Attendance alerts">
          <List spacing={4} size="sm">
            {alerts.map((a) => (
              <List.Item key={a.enrolmentId}>
                <Text span fw={600} size="sm">
                  {a.pseudonym} has missed the last {a.missedInRow} sessions.
                </Text>{' '}
                {facilitator ? (
                  <Anchor component={Link} to={`/records/${a.enrolmentId}`} size="sm" underline="always">
                    Open {a.pseudonym}'s record
                  </Anchor>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {facilitator ? <IsolationPanel groupId={group.id} /> : null}
      {facilitator ? (
        <Anchor component={Link} to={`/groups/${group.id}/connections`} fw={600}>
          Open the connection map: who reached whom, week by week
        </Anchor>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <InfoCard title="When and where" id="when-heading">
          <Facts>
            <Fact label="Schedule">
              {group.schedule ? describeSchedule(group.schedule) : 'No schedule yet.'}{' '}
              <Anchor component="button" type="button" size="sm" underline="always" onClick={() => onOpenTab('schedule')}>
                {group.schedule ? 'Change the schedule' : 'Set a schedule'}
              </Anchor>
            </Fact>
            <Fact label="Next session">
              {group.nextSession ? (
                <>
                  <Anchor component={Link} to={`/sessions/${group.nextSession.id}`}>
                    {formatInZone(group.nextSession.startsAt, group.timezone)}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {group.nextSession.topic}
                  </Text>
                </>
              ) : (
                'None planned.'
              )}
            </Fact>
            <Fact label="Place">{group.location ?? 'No room set.'}</Fact>
            <Fact label="Online link">
              {group.meetingUrl ? (
                <Anchor href={group.meetingUrl} target="_blank" rel="noreferrer" className={classes.wrap}>
                  {group.meetingUrl}
                </Anchor>
              ) : (
                'No meeting link.'
              )}
            </Fact>
            <Fact label="Time zone">
              {group.timezone} ({zoneLabel(group.timezone)})
            </Fact>
          </Facts>
        </InfoCard>
        <Stack gap="md">
          <InfoCard title="Membership" id="membership-heading">
            <Facts>
              <Fact label="Members">
                {current.length} of {group.capacity ?? '—'} places (at least {group.minSize ?? '—'} to run)
              </Fact>
              {places ? (
                <Fact label="Waitlist">
                  {places.waiting} waiting · {places.offered} open {places.offered === 1 ? 'offer' : 'offers'} · {places.openPlaces} {places.openPlaces === 1 ? 'place' : 'places'}{' '}
                  free
                </Fact>
              ) : null}
            </Facts>
            {facilitator ? (
              <Group gap="xs" mt="xs">
                <Button size="xs" variant="light" onClick={() => onOpenTab('members')}>
                  See members
                </Button>
                <Button size="xs" variant="light" onClick={() => onOpenTab('referrals')}>
                  See the waitlist
                </Button>
              </Group>
            ) : null}
          </InfoCard>
          <InfoCard title="Attendance" id="attendance-heading">
            <Facts>
              <Fact label="Attendance rate">{formatRate(group.attendanceRates?.group)}</Fact>
              <Fact label="Sessions held">{group.attendanceRates?.heldSessions ?? 0}</Fact>
            </Facts>
          </InfoCard>
          <InfoCard title="Facilitators" id="facilitators-heading">
            {group.facilitators.length === 0 ? (
              <Text size="sm">No facilitator has been named yet.</Text>
            ) : (
              <List spacing={2} size="sm">
                {group.facilitators.map((f) => (
                  <List.Item key={f.userId}>
                    {f.displayName} · {f.role === 'lead' ? 'Lead facilitator' : 'Co-facilitator'}
                  </List.Item>
                ))}
              </List>
            )}
          </InfoCard>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

function InfoCard({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}
