import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorRegion } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { countsLine, useLeaveLibrary, useMarkStrategy, useWithdrawStrategy, type MarkState, type Strategy } from './api';

const MARKS: { state: MarkState; label: string }[] = [
  { state: 'try', label: "I'll try it" },
  { state: 'helped', label: 'Tried it: helped' },
  { state: 'didnt_help', label: "Tried it: didn't help" },
];

const STATUS_TEXT: Partial<Record<Strategy['status'], { label: string; color: string }>> = {
  held: { label: 'Waiting for a facilitator', color: 'yellow' },
  rejected: { label: 'Not shared by the facilitators', color: 'gray' },
};

/** One shared strategy: what it is, when it helps, the steps, peers' marks and what the viewer can do. */
export function StrategyCard({ strategy, groupId, canMark, onCurate }: { strategy: Strategy; groupId: string; canMark: boolean; onCurate?: (s: Strategy) => void }) {
  const mark = useMarkStrategy(groupId);
  const leave = useLeaveLibrary(groupId);
  const withdraw = useWithdrawStrategy(groupId);
  const [confirming, setConfirming] = useState(false);
  const headingId = `strategy-${strategy.id}`;
  const status = STATUS_TEXT[strategy.status];
  const markable = canMark && !strategy.mine && strategy.status === 'published';

  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Group justify="space-between" align="flex-start" gap="xs">
            <Title order={3} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {strategy.title}
            </Title>
            {strategy.libraryEntryId ? (
              <Badge variant="light" color="teal">
                In the library
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {strategy.mine ? 'Shared by you' : `Shared by ${strategy.authorPseudonym}`} · {formatDate(strategy.createdAt)}
          </Text>
          {status ? (
            <Badge mt={4} variant="light" color={status.color}>
              {status.label}
            </Badge>
          ) : null}
        </div>
        <div>
          <Text fw={600} size="sm">
            When it helps
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {strategy.whenHelps}
          </Text>
        </div>
        <div>
          <Text fw={600} size="sm">
            Steps
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {strategy.steps}
          </Text>
        </div>
        <Text size="sm" aria-label={`Marks: ${countsLine(strategy.counts)}`}>
          {countsLine(strategy.counts)}
        </Text>
        {markable ? (
          <Group gap="xs" role="group" aria-label={`Your mark on ${strategy.title}`}>
            {MARKS.map((m) => {
              const pressed = strategy.myMark === m.state;
              return (
                <Button
                  key={m.state}
                  size="sm"
                  variant={pressed ? 'filled' : 'default'}
                  aria-pressed={pressed}
                  loading={mark.isPending && mark.variables?.state === m.state}
                  onClick={() => mark.mutate({ id: strategy.id, state: pressed ? null : m.state })}
                >
                  {m.label}
                </Button>
              );
            })}
          </Group>
        ) : null}
        {strategy.mine ? (
          <Group gap="xs">
            {strategy.libraryEntryId ? (
              <Button size="sm" variant="subtle" color="gray" loading={leave.isPending} onClick={() => leave.mutate(strategy.id)}>
                Take it out of the library
              </Button>
            ) : null}
            {confirming ? (
              <>
                <Text size="sm">Remove it for everyone?</Text>
                <Button size="sm" color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate(strategy.id)}>
                  Yes, remove it
                </Button>
                <Button size="sm" variant="default" onClick={() => setConfirming(false)}>
                  Keep it
                </Button>
              </>
            ) : (
              <Button size="sm" variant="subtle" color="gray" onClick={() => setConfirming(true)}>
                Remove from the group
              </Button>
            )}
          </Group>
        ) : null}
        {onCurate && strategy.status === 'published' && !strategy.libraryEntryId ? (
          <Group>
            <Button size="sm" variant="light" onClick={() => onCurate(strategy)}>
              Add to library
            </Button>
          </Group>
        ) : null}
        <ErrorRegion error={mark.error ?? leave.error ?? withdraw.error} />
      </Stack>
    </Card>
  );
}
