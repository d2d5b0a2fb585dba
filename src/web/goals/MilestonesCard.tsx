import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorRegion } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { MILESTONE_TITLE_MAX } from '../../shared/schemas/goals';
import { useAddMilestone, useReachMilestone, useWithdrawCelebration, type Goal, type Milestone } from './api';
import { CelebrateModal } from './CelebrateModal';
import { MODERATION_TEXT } from './labels';
import { ReactionBar } from './ReactionBar';

function Step({ milestone, canCelebrate, onCelebrate }: { milestone: Milestone; canCelebrate: boolean; onCelebrate: (m: Milestone) => void }) {
  const reach = useReachMilestone();
  const withdraw = useWithdrawCelebration();
  const card = milestone.celebration && !milestone.celebration.withdrawnAt ? milestone.celebration : null;
  return (
    <li style={{ listStyle: 'none' }}>
      <Card withBorder padding="sm" radius="sm">
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {milestone.position}. {milestone.title}
            </Text>
            {milestone.reachedAt ? (
              <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
                Reached
              </Badge>
            ) : null}
          </Group>
          {milestone.reachedAt ? (
            <Text size="sm" c="dimmed">
              Reached {formatDate(milestone.reachedAt)}
            </Text>
          ) : (
            <Group>
              <Button size="sm" variant="light" loading={reach.isPending} onClick={() => reach.mutate({ id: milestone.id, note: '' })}>
                I reached this step
              </Button>
            </Group>
          )}
          {card ? (
            <Stack gap={6}>
              <Text size="sm">Shared with your group{card.moderationStatus !== 'published' ? ` · ${MODERATION_TEXT[card.moderationStatus]}` : ''}</Text>
              <ReactionBar kind="celebration" id={card.id} reactions={card.reactions} canReact={false} subject={milestone.title} />
              <Group>
                <Button size="xs" variant="subtle" color="gray" loading={withdraw.isPending} onClick={() => withdraw.mutate(milestone.id)}>
                  Take the celebration down
                </Button>
              </Group>
            </Stack>
          ) : milestone.reachedAt && canCelebrate ? (
            <Group>
              <Button size="sm" onClick={() => onCelebrate(milestone)}>
                Celebrate with my group
              </Button>
            </Group>
          ) : null}
          <ErrorRegion error={reach.error ?? withdraw.error} />
        </Stack>
      </Card>
    </li>
  );
}

/** The goal's steps: reach each once, celebrate it with the group if you like, add more. */
export function MilestonesCard({ goal }: { goal: Goal }) {
  const [celebrating, setCelebrating] = useState<Milestone | null>(null);
  const [title, setTitle] = useState('');
  const add = useAddMilestone(goal.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    add.mutate(title.trim(), { onSuccess: () => setTitle('') });
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="steps-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="steps-heading">
          Steps
        </Title>
        {goal.milestones.length === 0 ? <Text size="sm">No steps yet. Small steps make progress easier to see.</Text> : null}
        <Stack component="ol" gap="xs" p={0} m={0}>
          {goal.milestones.map((m) => (
            <Step key={m.id} milestone={m} canCelebrate={goal.group !== null} onCelebrate={setCelebrating} />
          ))}
        </Stack>
        {goal.milestones.length < 10 ? (
          <form onSubmit={submit}>
            <Group align="flex-end" gap="xs">
              <TextInput label="Add a step" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={MILESTONE_TITLE_MAX} style={{ flex: 1, minWidth: 180 }} />
              <Button type="submit" variant="default" loading={add.isPending} disabled={!title.trim()}>
                Add
              </Button>
            </Group>
          </form>
        ) : null}
        <ErrorRegion error={add.error} />
      </Stack>
      {goal.group ? <CelebrateModal milestone={celebrating} groupId={goal.group.id} groupName={goal.group.name} onClose={() => setCelebrating(null)} /> : null}
    </Card>
  );
}
