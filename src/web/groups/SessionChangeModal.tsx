import { NumberInput, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { GroupSession } from '../api/types';
import { FormModal } from '../layout/FormModal';
import { formatInZone, localParts, zoneLabel } from '../layout/time';
import { useChangeSession } from '../sessions/api';

export type SessionChange = { session: GroupSession; mode: 'cancel' | 'reschedule' } | null;

interface Props {
  groupId: string;
  target: SessionChange;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Cancel (with a reason members will read) or move an upcoming session. */
export function SessionChangeModal({ groupId, target, onClose, onDone }: Props) {
  const { cancel, reschedule } = useChangeSession(groupId);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState<number | string>('');
  const [attempted, setAttempted] = useState(false);
  const session = target?.session;

  // A newly chosen session fills the form with its own date, time and length (while rendering: no stale paint).
  const [filledFor, setFilledFor] = useState<typeof session>(undefined);
  if (session && filledFor !== session) {
    setFilledFor(session);
    const parts = localParts(session.startsAt, session.timezone);
    setDate(parts.date);
    setTime(parts.time);
    setDuration(Math.round((new Date(session.endsAt).getTime() - new Date(session.startsAt).getTime()) / 60_000));
  }

  const mutation = target?.mode === 'cancel' ? cancel : reschedule;
  const when = session ? formatInZone(session.startsAt, session.timezone) : '';

  function submit(close: () => void) {
    setAttempted(true);
    if (!target || !session) return;
    const after = {
      onSuccess: () => (
        onDone(target.mode === 'cancel' ? `The session on ${when} is cancelled. Members have been told.` : `The session has moved. Members have been told.`),
        close()
      ),
    };
    if (target.mode === 'cancel') {
      if (!reason.trim()) return;
      cancel.mutate({ sessionId: session.id, reason: reason.trim() }, after);
    } else {
      if (!date || !time) return;
      reschedule.mutate({ sessionId: session.id, startsAtLocal: `${date}T${time}`, durationMinutes: Number(duration) || undefined }, after);
    }
  }

  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const title = target?.mode === 'cancel' ? 'Cancel this session?' : 'Move this session';
  return (
    <FormModal
      opened={target !== null}
      onClose={onClose}
      title={title}
      submitLabel={target?.mode === 'cancel' ? 'Cancel session' : 'Move session'}
      cancelLabel={target?.mode === 'cancel' ? 'Keep the session' : 'Cancel'}
      danger={target?.mode === 'cancel'}
      mutation={mutation}
      error={error?.details.length ? null : mutation.error}
      errorTitle={target?.mode === 'cancel' ? "We couldn't cancel it" : "We couldn't move it"}
      onReset={() => {
        cancel.reset();
        reschedule.reset();
        setReason('');
        setAttempted(false);
      }}
      onSubmit={submit}
    >
      {target && session ? (
        <>
          <Text>
            Session {session.number ?? ''} · {session.topic}, {when}.
          </Text>
          {target.mode === 'cancel' ? (
            <Textarea
              label="Reason"
              description="Members see this in their notifications, so keep it short and kind."
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error?.fieldMessage('reason') ?? (attempted && !reason.trim() ? 'Give a reason.' : undefined)}
              data-autofocus
            />
          ) : (
            <>
              <Text size="sm" c="dimmed">
                Times are in {zoneLabel(session.timezone)} ({session.timezone}).
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                <TextInput
                  type="date"
                  label="New date"
                  required
                  value={date}
                  onChange={(e) => setDate(e.currentTarget.value)}
                  error={attempted && !date ? 'Choose a date.' : undefined}
                  data-autofocus
                />
                <TextInput
                  type="time"
                  label="Start time"
                  required
                  value={time}
                  onChange={(e) => setTime(e.currentTarget.value)}
                  error={attempted && !time ? 'Choose a time.' : undefined}
                />
                <NumberInput label="Minutes" min={15} max={480} step={15} value={duration} onChange={setDuration} />
              </SimpleGrid>
            </>
          )}
        </>
      ) : null}
    </FormModal>
  );
}
