import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { SafetyScreen } from './api';
import { questionnairePath, useDueMeasures } from './api';
import { ConcernNote, CrisisLineText } from './SafetyScreen';

/**
 * After sending: thanks, who sees the answers, and what is next. No score or band: a screening
 * number without a clinician to explain it can alarm or label; the care team talks it through.
 */
export function ThankYou({ safety, urgentSeen }: { safety: SafetyScreen | null; urgentSeen: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const due = useDueMeasures();
  const next = due.data?.due[0];

  useEffect(() => heading.current?.focus(), []);

  return (
    <Stack gap="lg" maw={640}>
      <div>
        <Title order={1} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          Thank you
        </Title>
        <Text size="lg" mt="xs">
          Thank you — your answers have been shared with your care team.
        </Text>
        <Text c="dimmed" mt="xs">
          Your facilitators may talk them through with you. There are no right or wrong answers.
        </Text>
      </div>
      {safety?.tier === 'concern' ? <ConcernNote safety={safety} /> : null}
      {safety?.tier === 'urgent' ? (
        <Card withBorder padding="md" component="section" aria-labelledby="help-heading">
          <Title order={2} size="h4" id="help-heading" mb={4}>
            {urgentSeen ? 'Your care team has been told' : 'If you need help now'}
          </Title>
          <CrisisLineText text={safety.crisisLine} />
        </Card>
      ) : null}
      {next ? (
        <Card withBorder padding="md" component="section" aria-labelledby="next-heading">
          <Title order={2} size="h4" id="next-heading">
            {due.data && due.data.due.length > 1 ? `${due.data.due.length} more questionnaires to do` : 'One more questionnaire to do'}
          </Title>
          <Text size="sm" mb="sm">
            {next.title}. You can do it now or later from your home page.
          </Text>
          <Group gap="sm">
            <Button component={Link} to={questionnairePath(next)}>
              Start {next.shortTitle}
            </Button>
            <Button component={Link} to="/" variant="default">
              Later
            </Button>
          </Group>
        </Card>
      ) : (
        <div>
          <Button component={Link} to="/">
            Back to home
          </Button>
        </div>
      )}
    </Stack>
  );
}
