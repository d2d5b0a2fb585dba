import { Card, List, Stack, Text, Title } from '@mantine/core';
import type { SessionDetail } from '../api/types';

/** The session plan from the curriculum: topic, skill focus, exercises, reflection prompts. */
export function PlanCard({ plan, forParticipant }: { plan: NonNullable<SessionDetail['plan']>; forParticipant: boolean }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="plan-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="plan-heading">
          {forParticipant ? "What we'll do" : 'Session plan'}
        </Title>
        <div>
          <Text size="sm" fw={600}>
            Topic
          </Text>
          <Text>{plan.topic}</Text>
        </div>
        <div>
          <Text size="sm" fw={600}>
            Skill focus
          </Text>
          <Text>{plan.skillFocus}</Text>
        </div>
        {plan.exercises.length > 0 ? (
          <div>
            <Title order={3} size="h5" mb={4}>
              Exercises
            </Title>
            <List type="ordered" spacing={4}>
              {plan.exercises.map((e, i) => (
                <List.Item key={i}>{e}</List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {plan.reflectionPrompts.length > 0 ? (
          <div>
            <Title order={3} size="h5" mb={4}>
              {forParticipant ? 'Something to think about' : 'Reflection prompts'}
            </Title>
            <List spacing={4}>
              {plan.reflectionPrompts.map((p, i) => (
                <List.Item key={i}>{p}</List.Item>
              ))}
            </List>
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}
