import { Anchor, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../layout/format';
import { formatRangeInZone } from '../layout/time';
import classes from '../layout/layout.module.css';
import { reasonLabel } from '../measures/copy';
import type { ThisWeek } from './api';
import { questionnairePath } from '../measures/api';

const PROGRESS_LABEL: Record<string, string> = { not_yet: 'not yet', some: 'some progress', most: 'most of it', done: 'done' };

/** The next session: when (in the group's zone), what, where. */
export function NextSessionCard({ week }: { week: ThisWeek }) {
  const s = week.nextSession;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tw-next">
      <Title order={2} size="h3" id="tw-next">
        Your next sessions
      </Title>
      {s ? (
        <Stack gap={4} mt="xs">
          <Text fw={600}>{formatRangeInZone(s.startsAt, s.endsAt, s.timezone)}</Text>
          <Text size="sm" c="dimmed">
            {s.groupName}
          </Text>
          {s.topic ? <Text size="sm">{s.topic}</Text> : null}
          {s.status === 'cancelled' ? (
            <Text size="sm" c="red.8">
              This session is cancelled.
            </Text>
          ) : s.location ? (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {s.location}
            </Text>
          ) : null}
          <Group mt="sm" gap="md">
            <Button component={Link} to={`/sessions/${s.id}`} variant="light">
              Session details
            </Button>
            <Anchor component={Link} to="/upcoming" size="sm">
              All upcoming sessions
            </Anchor>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" mt={4}>
          No session is planned yet. When your group's sessions are set, the next one will show here.
        </Text>
      )}
    </Card>
  );
}

/** Check-ins (questionnaires) due now. Nothing is shown when none are due. */
export function DueCheckinsCard({ week }: { week: ThisWeek }) {
  if (week.dueCheckins.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tw-due">
      <Title order={2} size="h3" id="tw-due">
        Questionnaires to do
      </Title>
      <Text size="sm" c="dimmed">
        A few minutes each. Your answers help your care team see how you are doing.
      </Text>
      <Stack gap="xs" mt="sm" component="ul" className={classes.plainList}>
        {week.dueCheckins.map((d) => (
          <Group key={d.requestId} component="li" justify="space-between" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0, flex: '1 1 12rem' }}>
              <Text fw={600} size="sm">
                {d.title}
              </Text>
              <Text size="xs" c="dimmed">
                {reasonLabel(d.reason)} · since {formatDate(d.dueAt)}
              </Text>
            </div>
            <Button component={Link} to={questionnairePath(d)} size="sm" aria-label={`Start ${d.shortTitle}: ${reasonLabel(d.reason).toLowerCase()}`}>
              Start
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** The member's active goals with where they stand; an invitation to set one when there are none. */
export function GoalsCard({ week }: { week: ThisWeek }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tw-goals">
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h3" id="tw-goals">
          My goals
        </Title>
        {week.goals.length > 0 ? (
          <Anchor component={Link} to="/goals" size="sm">
            All goals
          </Anchor>
        ) : null}
      </Group>
      {week.goals.length === 0 ? (
        <>
          <Text size="sm" mt={4}>
            A small, concrete goal can make the week feel more like yours.
          </Text>
          <Group mt="md">
            <Button component={Link} to="/goals/new">
              Set a goal
            </Button>
          </Group>
        </>
      ) : (
        <Stack gap="md" mt="sm" component="ul" className={classes.plainList}>
          {week.goals.slice(0, 3).map((g) => (
            <li key={g.id}>
              <Anchor component={Link} to={`/goals/${g.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {g.action}
              </Anchor>
              <Text size="sm" c="dimmed">
                {g.frequency}
                {g.lastCheckin ? ` · last check-in: ${PROGRESS_LABEL[g.lastCheckin.progress] ?? g.lastCheckin.progress}, ${formatDate(g.lastCheckin.at)}` : ''}
              </Text>
              {g.milestonesTotal > 0 ? (
                <>
                  <Progress
                    value={(100 * g.milestonesReached) / g.milestonesTotal}
                    size="sm"
                    mt={6}
                    aria-label={`${g.milestonesReached} of ${g.milestonesTotal} milestones reached`}
                  />
                  <Text size="xs" mt={2}>
                    {g.nextMilestone ? `Next step: ${g.nextMilestone}` : 'Every milestone reached'}
                  </Text>
                </>
              ) : null}
              <Button component={Link} to={`/goals/${g.id}`} size="xs" variant="default" mt={6} aria-label={`Check in on ${g.action}`}>
                Check in
              </Button>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
