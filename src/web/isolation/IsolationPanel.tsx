import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { IsolationFlag, isolationFlagsSchema } from '../../shared/schemas/isolation';
import { api } from '../api/client';
import { FormModal } from '../layout/FormModal';
import { formatDate } from '../layout/format';
import { QueryView, SuccessRegion } from '../layout/feedback';
import { isolationKeys } from './keys';

type FlagsResponse = z.infer<typeof isolationFlagsSchema>;
type Outcome = 'reached_out' | 'dismissed';
const enc = encodeURIComponent;

const LEVEL = {
  reach_out: { label: 'Reach out', color: 'red' },
  watch: { label: 'Watch', color: 'yellow' },
} as const;
const TREND_COLOR = { none: 'var(--mantine-color-gray-3)', watch: 'var(--mantine-color-yellow-5)', reach_out: 'var(--mantine-color-red-6)' } as const;
const DECIDED: Record<IsolationFlag['status'], string> = { open: 'Open', reached_out: 'Reached out', dismissed: 'Dismissed', cleared: 'Cleared' };

/** The member's level over the last days the job ran, as a strip of squares (described in words for screen readers). */
function Trend({ trend }: { trend: IsolationFlag['trend'] }) {
  if (trend.length === 0) return null;
  const flagged = trend.filter((d) => d.level !== 'none').length;
  return (
    <Group gap={2} aria-label={`Flagged on ${flagged} of the last ${trend.length} days checked`} role="img">
      {trend.map((d) => (
        <span
          key={d.day}
          title={`${d.day}: ${d.level.replace('_', ' ')}`}
          style={{ width: 8, height: 14, borderRadius: 2, background: TREND_COLOR[d.level], display: 'inline-block' }}
        />
      ))}
    </Group>
  );
}

function FlagCard({ flag, showGroup, onDecide }: { flag: IsolationFlag; showGroup: boolean; onDecide: (flag: IsolationFlag, outcome: Outcome) => void }) {
  const level = LEVEL[flag.level];
  return (
    <Card withBorder padding="md" component="article" aria-label={`${flag.pseudonym}: ${level.label}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Text fw={600}>
              {flag.pseudonym}{' '}
              <Text span c="dimmed" size="sm">
                ({flag.displayName})
              </Text>
            </Text>
            <Text size="sm" c="dimmed">
              {showGroup ? `${flag.groupName} · ` : ''}flagged {formatDate(flag.raisedAt)}
            </Text>
          </div>
          <Badge color={level.color} variant={flag.level === 'reach_out' ? 'filled' : 'light'}>
            {level.label}
          </Badge>
        </Group>
        <div>
          <Text size="sm" fw={600}>
            Why
          </Text>
          <List size="sm" spacing={2}>
            {flag.signals.map((s) => (
              <List.Item key={s.key}>
                {s.summary}
                {s.soft ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (counts only alongside another sign)
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        </div>
        <div>
          <Text size="sm" fw={600}>
            You might
          </Text>
          <List size="sm" spacing={2}>
            {flag.suggestedActions.map((a) => (
              <List.Item key={a}>{a}</List.Item>
            ))}
          </List>
        </div>
        <Trend trend={flag.trend} />
        <Group gap="xs" justify="space-between">
          <Anchor component={Link} to={`/records/${flag.enrolmentId}`} size="sm">
            Open {flag.pseudonym}'s record
          </Anchor>
          <Group gap="xs">
            <Button size="xs" onClick={() => onDecide(flag, 'reached_out')}>
              I reached out
            </Button>
            <Button size="xs" variant="default" onClick={() => onDecide(flag, 'dismissed')}>
              Dismiss…
            </Button>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}

function DecisionModal({ target, onClose, onDone }: { target: { flag: IsolationFlag; outcome: Outcome } | null; onClose: () => void; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);
  const decide = useMutation({
    mutationFn: (input: { flagId: string; outcome: Outcome; note?: string }) =>
      api<IsolationFlag>('POST', `/isolation-flags/${enc(input.flagId)}/decision`, { outcome: input.outcome, ...(input.note ? { note: input.note } : {}) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: isolationKeys.all }),
  });
  const dismissing = target?.outcome === 'dismissed';
  const missing = dismissing && note.trim().length < 3;
  return (
    <FormModal
      opened={target !== null}
      onClose={onClose}
      title={target ? `${dismissing ? 'Dismiss' : 'Record reaching out to'} ${target.flag.pseudonym}` : ''}
      submitLabel={dismissing ? 'Dismiss' : 'Save'}
      size="md"
      mutation={decide}
      onReset={() => {
        setNote('');
        setAttempted(false);
      }}
      onSubmit={(close) => {
        setAttempted(true);
        if (!target || missing) return;
        decide.mutate(
          { flagId: target.flag.id, outcome: target.outcome, ...(note.trim() ? { note: note.trim() } : {}) },
          {
            onSuccess: (flag) => {
              onDone(`${target.flag.pseudonym}: ${dismissing ? 'dismissed' : 'reached out'}; quiet until ${formatDate(flag.snoozedUntil)}.`);
              close();
            },
          },
        );
      }}
    >
      <Text size="sm">
        {dismissing ? 'Say why, for the other facilitators. The flag is kept with your reason.' : 'How did you reach out? (optional) The flag is kept with your note.'} The member
        is not flagged again for a while unless things get worse.
      </Text>
      <Textarea
        label={dismissing ? 'Reason' : 'Note'}
        required={dismissing}
        autosize
        minRows={3}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={attempted && missing ? 'Give a reason of at least 3 characters.' : undefined}
      />
    </FormModal>
  );
}

/**
 * The isolation early warning for facilitators: members drifting away, each with why (signals with
 * their figures and dates) and what might help; "I reached out" or "Dismiss…" snoozes the flag.
 * One group's (group overview) or every group the caller facilitates (home).
 */
export function IsolationPanel({ groupId }: { groupId?: string }) {
  const path = groupId ? `/groups/${enc(groupId)}/isolation-flags` : '/me/isolation-flags';
  const flags = useQuery({ queryKey: isolationKeys.flags(path), queryFn: () => api<FlagsResponse>('GET', path) });
  const [target, setTarget] = useState<{ flag: IsolationFlag; outcome: Outcome } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="isolation-heading">
      <Title order={2} size="h3" id="isolation-heading" mb={4}>
        Members who may be drifting away
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        From attendance, the group space, peer exchange, questionnaires and goals, checked daily. Only the group's facilitators see this.
      </Text>
      <SuccessRegion message={done} />
      <QueryView query={flags} loadingLabel="Loading the early warning…">
        {(data) => (
          <Stack gap="sm">
            {data.flags.length === 0 ? (
              <Text size="sm">No one is flagged{data.lastRunDay ? ` (last checked ${formatDate(data.lastRunDay)})` : ''}.</Text>
            ) : (
              data.flags.map((f) => <FlagCard key={f.id} flag={f} showGroup={!groupId} onDecide={(flag, outcome) => setTarget({ flag, outcome })} />)
            )}
            {data.decided.length > 0 ? (
              <div>
                <Text size="sm" fw={600}>
                  Recently decided
                </Text>
                <List size="sm" spacing={2}>
                  {data.decided.map((f) => (
                    <List.Item key={f.id}>
                      {f.pseudonym}: {DECIDED[f.status].toLowerCase()}
                      {f.status === 'reached_out' ? ' to' : ''} by {f.decidedBy ?? 'a facilitator'} on {formatDate(f.decidedAt)}
                      {f.decisionNote ? ` — “${f.decisionNote}”` : ''} (quiet until {formatDate(f.snoozedUntil)})
                    </List.Item>
                  ))}
                </List>
              </div>
            ) : null}
          </Stack>
        )}
      </QueryView>
      <DecisionModal target={target} onClose={() => setTarget(null)} onDone={setDone} />
    </section>
  );
}
