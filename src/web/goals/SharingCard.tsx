import { Alert, Badge, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { usePreviewedSend } from '../space/usePreviewedSend';
import { ErrorRegion } from '../layout/feedback';
import { useAudience, useSetVisibility, type Goal, type GoalVisibility } from './api';
import { audienceSentence } from './audience';
import { MODERATION_TEXT, VISIBILITY_LABELS } from './labels';

function Preview({ goalId, visibility }: { goalId: string; visibility: GoalVisibility }) {
  const audience = useAudience(goalId, visibility);
  if (visibility === 'private') return <Text size="sm">Only you will see this goal.</Text>;
  if (audience.isPending) return <Text size="sm">Finding out who would see it…</Text>;
  if (audience.error) return <ErrorRegion error={audience.error} title="You cannot share it this way" />;
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      <strong>Who will see this:</strong> {audience.data ? audienceSentence(audience.data) : ''}
    </Text>
  );
}

/** Who sees the goal: a choice with a preview of exactly who that is, and a way back to private. */
export function SharingCard({ goal }: { goal: Goal }) {
  const [choice, setChoice] = useState<GoalVisibility>(goal.visibility);
  const setVisibility = useSetVisibility(goal.id);
  const preview = usePreviewedSend(goal.group?.id ?? '', 'goal');
  // What the group would read is checked first (contact details, the member's safety plan on risk words).
  const apply = (visibility: GoalVisibility) =>
    visibility === 'group' && goal.group
      ? void preview.check({ action: goal.action, frequency: goal.frequency }, () => setVisibility.mutate(visibility))
      : setVisibility.mutate(visibility);
  const changed = choice !== goal.visibility;
  const status = goal.moderationStatus && goal.moderationStatus !== 'published' ? MODERATION_TEXT[goal.moderationStatus] : null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sharing-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="sharing-heading">
            Who sees this goal
          </Title>
          <Badge variant="light" color={goal.visibility === 'private' ? 'gray' : 'blue'}>
            {VISIBILITY_LABELS[goal.visibility]}
          </Badge>
        </Group>
        {status ? (
          <Alert color="yellow" variant="light">
            <Text size="sm">{status}</Text>
          </Alert>
        ) : null}
        <Radio.Group value={choice} onChange={(v) => setChoice(v as GoalVisibility)} label="Share with" aria-describedby="sharing-preview">
          <Stack gap="xs" mt="xs">
            <Radio value="private" label="Only me" description="The default. No one else, clinicians included." />
            <Radio value="clinicians" label="My clinicians" description="Your group’s facilitators and the clinician who referred you." />
            <Radio value="group" label="My group" description="Your clinicians and the current members of your group, who see your group name only." />
          </Stack>
        </Radio.Group>
        <div id="sharing-preview" aria-live="polite">
          <Preview goalId={goal.id} visibility={choice} />
        </div>
        <ErrorRegion error={preview.problem} title="Please change this before sharing" />
        {preview.notice}
        <ErrorRegion error={setVisibility.error} />
        {changed ? (
          <Group>
            <Button onClick={() => apply(choice)} loading={setVisibility.isPending || preview.checking}>
              {choice === 'private' ? 'Make it private' : `Share with ${VISIBILITY_LABELS[choice].toLowerCase()}`}
            </Button>
            <Button variant="default" onClick={() => setChoice(goal.visibility)}>
              Keep as it is
            </Button>
          </Group>
        ) : goal.visibility !== 'private' ? (
          <Group>
            <Button
              variant="default"
              onClick={() => {
                setChoice('private');
                setVisibility.mutate('private');
              }}
              loading={setVisibility.isPending}
            >
              Stop sharing
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
