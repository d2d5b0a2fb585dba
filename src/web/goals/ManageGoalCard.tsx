import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorRegion } from '../layout/feedback';
import { useDeleteGoal, useSetGoalStatus, type Goal } from './api';

/** Mark achieved, put aside or pick up again, or delete: goals change, and that is fine. */
export function ManageGoalCard({ goal }: { goal: Goal }) {
  const navigate = useNavigate();
  const setStatus = useSetGoalStatus(goal.id);
  const remove = useDeleteGoal();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="manage-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="manage-heading">
          This goal
        </Title>
        <Text size="sm">{goal.status === 'active' ? 'You are working on it.' : goal.status === 'achieved' ? 'You achieved it. Well done.' : 'You have put it aside for now.'}</Text>
        <Group gap="xs">
          {goal.status !== 'achieved' ? (
            <Button size="sm" variant="light" loading={setStatus.isPending && setStatus.variables === 'achieved'} onClick={() => setStatus.mutate('achieved')}>
              I achieved it
            </Button>
          ) : null}
          {goal.status === 'active' ? (
            <Button size="sm" variant="default" loading={setStatus.isPending && setStatus.variables === 'closed'} onClick={() => setStatus.mutate('closed')}>
              Put it aside
            </Button>
          ) : (
            <Button size="sm" variant="default" loading={setStatus.isPending && setStatus.variables === 'active'} onClick={() => setStatus.mutate('active')}>
              Work on it again
            </Button>
          )}
        </Group>
        {confirming ? (
          <Stack gap="xs">
            <Text size="sm">Delete this goal, its steps, check-ins and any celebration cards? This cannot be undone.</Text>
            <Group gap="xs">
              <Button size="sm" color="red" loading={remove.isPending} onClick={() => remove.mutate(goal.id, { onSuccess: () => void navigate('/goals') })}>
                Yes, delete it
              </Button>
              <Button size="sm" variant="default" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button size="sm" variant="default" onClick={() => setConfirming(true)}>
              Delete goal
            </Button>
          </Group>
        )}
        <ErrorRegion error={setStatus.error ?? remove.error} />
      </Stack>
    </Card>
  );
}
