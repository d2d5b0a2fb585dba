import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { QueryView, usePageTitle } from '../layout/feedback';
import { useGoal } from './api';
import { CheckinCard } from './CheckinCard';
import { AREA_LABELS } from './labels';
import { ManageGoalCard } from './ManageGoalCard';
import { MilestonesCard } from './MilestonesCard';
import { SharingCard } from './SharingCard';
import { formatLocalDate } from '../layout/time';
import { useMe } from '../auth/session';

/** One goal: what it is, its steps and celebrations, check-ins, and who sees it. */
export function GoalDetailPage() {
  const { goalId = '' } = useParams();
  const goal = useGoal(goalId);
  usePageTitle('Goal', useMe().service.name);
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to="/goals" size="sm">
        ← My goals
      </Anchor>
      <QueryView query={goal}>
        {(g) => (
          <Stack gap="md">
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                {AREA_LABELS[g.area]}
              </Text>
              <Title order={1} style={{ overflowWrap: 'anywhere' }}>
                {g.action}
              </Title>
              <Text size="sm">
                {g.frequency} · by {formatLocalDate(g.targetDate)}
              </Text>
              {g.group ? (
                <Text size="sm" c="dimmed">
                  {g.group.name} · you are {g.group.pseudonym} there
                </Text>
              ) : null}
            </div>
            {g.supportNeeded ? (
              <Card withBorder padding="md">
                <Text size="sm" fw={600}>
                  Support that would help
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {g.supportNeeded}
                </Text>
              </Card>
            ) : null}
            <MilestonesCard goal={g} />
            <CheckinCard goal={g} />
            <SharingCard goal={g} />
            <ManageGoalCard goal={g} />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
