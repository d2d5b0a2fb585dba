import { Badge, Card, Stack, Text, Title } from '@mantine/core';
import { QueryView } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { useMemberGoals } from './api';
import { AREA_LABELS, PROGRESS_LABELS, VISIBILITY_LABELS } from './labels';
import { formatLocalDate } from '../layout/time';

/** On a member's record: the goals they shared with their clinicians or group (private ones never show). */
export function MemberGoalsCard({ enrolmentId }: { enrolmentId: string }) {
  const goals = useMemberGoals(enrolmentId);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="member-goals-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="member-goals-heading">
          Shared goals
        </Title>
        <QueryView query={goals}>
          {(data) =>
            data.goals.length === 0 ? (
              <Text size="sm">No goals shared with you. Members’ goals are private unless they choose to share them.</Text>
            ) : (
              <Stack gap="sm">
                {data.goals.map((g) => (
                  <Card key={g.id} withBorder padding="sm" component="article">
                    <Stack gap={4}>
                      <Text size="xs" c="dimmed">
                        {AREA_LABELS[g.area]} · shared with {VISIBILITY_LABELS[g.visibility].toLowerCase()}
                      </Text>
                      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {g.action}
                      </Text>
                      <Text size="sm">
                        {g.frequency} · by {formatLocalDate(g.targetDate)}
                      </Text>
                      {g.supportNeeded ? (
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          Support that would help: {g.supportNeeded}
                        </Text>
                      ) : null}
                      {g.milestones.length > 0 ? (
                        <Text size="sm">
                          Steps: {g.milestones.filter((m) => m.reachedAt).length} of {g.milestones.length} reached
                        </Text>
                      ) : null}
                      {g.checkins[0] ? (
                        <Text size="sm">
                          Last check-in {formatDate(g.checkins[0].createdAt)}: {PROGRESS_LABELS[g.checkins[0].progress]}
                          {g.checkins[0].note ? ` — ${g.checkins[0].note}` : ''}
                        </Text>
                      ) : null}
                      {g.status === 'achieved' ? (
                        <Badge color="teal" variant="light">
                          Achieved
                        </Badge>
                      ) : null}
                    </Stack>
                  </Card>
                ))}
              </Stack>
            )
          }
        </QueryView>
      </Stack>
    </Card>
  );
}
