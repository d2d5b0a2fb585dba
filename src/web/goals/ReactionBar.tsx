import { Button, Group, Stack, Text } from '@mantine/core';
import { ErrorRegion } from '../layout/feedback';
import { useReact, type ReactionSummary } from './api';
import { REACTIONS } from './labels';

/**
 * Supportive reactions on a card. Peers toggle theirs; the author reads who reacted. Counts are
 * shown per kind in a fixed order: nothing is ranked.
 */
export function ReactionBar({
  kind,
  id,
  reactions,
  canReact,
  subject,
}: {
  kind: 'celebration' | 'skill_practice';
  id: string;
  reactions: ReactionSummary[];
  canReact: boolean;
  subject: string;
}) {
  const react = useReact();
  if (!canReact) {
    if (reactions.length === 0) return null;
    return (
      <Stack gap={2}>
        {reactions.map((r) => {
          const meta = REACTIONS.find((x) => x.reaction === r.reaction);
          return (
            <Text key={r.reaction} size="sm">
              <span aria-hidden="true">{meta?.emoji}</span> {meta?.label} from {r.by.join(', ')}
            </Text>
          );
        })}
      </Stack>
    );
  }
  return (
    <>
      <Group gap="xs" role="group" aria-label={`Cheer on ${subject}`}>
        {REACTIONS.map((meta) => {
          const summary = reactions.find((r) => r.reaction === meta.reaction);
          const pressed = summary?.mine ?? false;
          return (
            <Button
              key={meta.reaction}
              size="compact-md"
              variant={pressed ? 'filled' : 'default'}
              aria-pressed={pressed}
              aria-label={`${meta.label}${summary ? `, ${summary.count}` : ''}`}
              loading={react.isPending && react.variables?.id === id && react.variables.reaction === meta.reaction}
              onClick={() => react.mutate({ kind, id, reaction: meta.reaction, on: !pressed })}
            >
              <span aria-hidden="true">
                {meta.emoji} {meta.label}
                {summary ? ` · ${summary.count}` : ''}
              </span>
            </Button>
          );
        })}
      </Group>
      <ErrorRegion error={react.error} />
    </>
  );
}
