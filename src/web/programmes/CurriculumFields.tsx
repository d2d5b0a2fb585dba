import { Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { ApiError } from '../api/client';
import { MAX_SESSIONS, curriculumProblem, emptyPlan, planProblems, serverCurriculumMessage, serverPlanMessage, type PlanDraft, type PlanField } from './curriculum';

/**
 * The ordered session plans of a programme: topic, skill focus, exercises and reflection prompts
 * (one per line). Sessions can be added, removed and moved; errors show under their own field.
 */
export function CurriculumFields({
  drafts,
  onChange,
  attempted,
  error,
}: {
  drafts: PlanDraft[];
  onChange: (drafts: PlanDraft[]) => void;
  attempted: boolean;
  error: ApiError | null;
}) {
  const update = (index: number, field: PlanField, value: string) => onChange(drafts.map((d, i) => (i === index ? { ...d, [field]: value } : d)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...drafts];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    onChange(next);
  };
  const wholeError = serverCurriculumMessage(error) ?? (attempted ? curriculumProblem(drafts) : undefined);

  return (
    <Stack gap="sm">
      {wholeError ? (
        <Text c="red.8" size="sm" role="alert" id="curriculum-error">
          {wholeError}
        </Text>
      ) : null}
      {drafts.length === 0 ? <Text size="sm">No sessions yet.</Text> : null}
      {drafts.map((d, index) => {
        const local = attempted ? planProblems(d) : {};
        const message = (field: PlanField) => serverPlanMessage(error, index, field) ?? local[field];
        const n = index + 1;
        return (
          <Card key={d.key} withBorder padding="md" component="section" aria-labelledby={`session-${d.key}-legend`}>
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Title order={3} size="h5" id={`session-${d.key}-legend`}>
                  Session {n}
                </Title>
                <Group gap={4}>
                  <Button size="compact-sm" variant="default" onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move session ${n} up`}>
                    Up
                  </Button>
                  <Button size="compact-sm" variant="default" onClick={() => move(index, 1)} disabled={index === drafts.length - 1} aria-label={`Move session ${n} down`}>
                    Down
                  </Button>
                  <Button size="compact-sm" variant="default" color="red" onClick={() => onChange(drafts.filter((_, i) => i !== index))} aria-label={`Remove session ${n}`}>
                    Remove
                  </Button>
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={`Session ${n} topic`}
                  required
                  value={d.topic}
                  onChange={(e) => update(index, 'topic', e.currentTarget.value)}
                  error={message('topic')}
                  maxLength={200}
                />
                <TextInput
                  label={`Session ${n} skill focus`}
                  required
                  value={d.skillFocus}
                  onChange={(e) => update(index, 'skillFocus', e.currentTarget.value)}
                  error={message('skillFocus')}
                  maxLength={200}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Textarea
                  label={`Session ${n} exercises`}
                  description="One per line; at least one."
                  required
                  autosize
                  minRows={2}
                  value={d.exercises}
                  onChange={(e) => update(index, 'exercises', e.currentTarget.value)}
                  error={message('exercises')}
                />
                <Textarea
                  label={`Session ${n} reflection prompts`}
                  description="One per line; optional."
                  autosize
                  minRows={2}
                  value={d.reflectionPrompts}
                  onChange={(e) => update(index, 'reflectionPrompts', e.currentTarget.value)}
                  error={message('reflectionPrompts')}
                />
              </SimpleGrid>
            </Stack>
          </Card>
        );
      })}
      <Group>
        <Button variant="light" onClick={() => onChange([...drafts, emptyPlan()])} disabled={drafts.length >= MAX_SESSIONS}>
          Add a session
        </Button>
        <Text size="sm" c="dimmed">
          {drafts.length} of at most {MAX_SESSIONS} sessions
        </Text>
      </Group>
    </Stack>
  );
}
