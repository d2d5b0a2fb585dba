import { Button, Card, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { GOAL_NOTE_MAX } from '../../shared/schemas/goals';
import { useCheckIn, type Goal } from './api';
import { PROGRESS_LABELS } from './labels';

type Progress = Goal['checkins'][number]['progress'];

/** A check-in whenever the member likes: progress in words and a note. Nothing counts missed ones. */
export function CheckinCard({ goal }: { goal: Goal }) {
  const checkIn = useCheckIn(goal.id);
  const [progress, setProgress] = useState<Progress | ''>('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!progress) return;
    setSaved(null);
    checkIn.mutate(
      { progress, note: note.trim() },
      {
        onSuccess: () => {
          setNote('');
          setProgress('');
          setSaved('Check-in saved. Every check-in counts, whatever it says.');
        },
      },
    );
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="checkin-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="checkin-heading">
          Check in
        </Title>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Radio.Group label="How is it going?" value={progress} onChange={(v) => setProgress(v as Progress)}>
              <Stack gap="xs" mt="xs">
                {(Object.keys(PROGRESS_LABELS) as Progress[]).map((p) => (
                  <Radio key={p} value={p} label={PROGRESS_LABELS[p]} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea label="A short note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={GOAL_NOTE_MAX} autosize minRows={2} />
            <ErrorRegion error={checkIn.error} />
            <SuccessRegion message={saved} />
            <Button type="submit" disabled={!progress} loading={checkIn.isPending} style={{ alignSelf: 'flex-start' }}>
              Save check-in
            </Button>
          </Stack>
        </form>
        {goal.checkins.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h5">
              Earlier check-ins
            </Title>
            {goal.checkins.map((c) => (
              <Text key={c.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {formatDate(c.createdAt)} — <strong>{PROGRESS_LABELS[c.progress]}</strong>
                {c.note ? `: ${c.note}` : ''}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
