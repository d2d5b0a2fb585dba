import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QueryView, usePageTitle } from '../layout/feedback';
import { useMyGoals, type Goal } from './api';
import { AREA_LABELS, PROGRESS_LABELS, VISIBILITY_LABELS } from './labels';
import { formatLocalDate } from '../layout/time';
import { useMe } from '../auth/session';

function GoalSummary({ goal }: { goal: Goal }) {
  const reached = goal.milestones.filter((m) => m.reachedAt).length;
  const nextStep = goal.milestones.find((m) => !m.reachedAt);
  const last = goal.checkins[0];
  const headingId = `goal-${goal.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {AREA_LABELS[goal.area]}
          </Text>
          <Badge variant="light" color={goal.visibility === 'private' ? 'gray' : 'blue'}>
            {VISIBILITY_LABELS[goal.visibility]}
          </Badge>
        </Group>
        <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/goals/${goal.id}`} inherit>
            {goal.action}
          </Anchor>
        </Title>
        <Text size="sm">
          {goal.frequency} · by {formatLocalDate(goal.targetDate)}
        </Text>
        {goal.milestones.length > 0 ? (
          <Text size="sm">
            {reached} of {goal.milestones.length} steps reached
            {nextStep ? (
              <>
                {' '}
                · next: <span style={{ overflowWrap: 'anywhere' }}>{nextStep.title}</span>
              </>
            ) : null}
          </Text>
        ) : null}
        {last ? (
          <Text size="sm" c="dimmed">
            Last check-in: {PROGRESS_LABELS[last.progress]}
          </Text>
        ) : null}
        {goal.status !== 'active' ? (
          <Badge color={goal.status === 'achieved' ? 'teal' : 'gray'} variant="light" style={{ alignSelf: 'flex-start' }}>
            {goal.status === 'achieved' ? 'Achieved' : 'Put aside'}
          </Badge>
        ) : null}
      </Stack>
    </Card>
  );
}

/** "My goals": the member's goals, newest first, and the way to set a new one. */
export function GoalsPage() {
  usePageTitle('My goals', useMe().service.name);
  const goals = useMyGoals();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>My goals</Title>
          <Text c="dimmed" size="sm">
            Private unless you choose to share. No streaks, no scores.
          </Text>
        </div>
        <Button component={Link} to="/goals/new">
          New goal
        </Button>
      </Group>
      <Anchor component={Link} to="/celebrations" size="sm">
        See your group’s celebrations
      </Anchor>
      <QueryView query={goals}>
        {(data) =>
          data.goals.length === 0 ? (
            <Card withBorder padding="lg">
              <Text>You have no goals yet. A goal can be small: one thing you would like to do more often, or once.</Text>
            </Card>
          ) : (
            <Stack gap="sm">
              {data.goals.map((g) => (
                <GoalSummary key={g.id} goal={g} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}
