import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { EnrolmentStatus } from '../api/types';
import { FormModal } from '../layout/FormModal';
import { useChangeEnrolmentStatus } from './api';

export type StatusChange = Exclude<EnrolmentStatus, 'invited'>;

/** Which changes a membership in each state allows (mirrors the server's rules). */
export const allowedChanges: Record<EnrolmentStatus, StatusChange[]> = {
  invited: ['withdrawn'],
  active: ['paused', 'withdrawn', 'completed'],
  paused: ['active', 'withdrawn', 'completed'],
  completed: [],
  withdrawn: [],
};

export const changeCopy: Record<StatusChange, { action: string; title: (name: string) => string; body: string; danger: boolean }> = {
  paused: {
    action: 'Pause membership',
    title: (name) => `Pause ${name}'s membership?`,
    body: 'They keep their place and can be resumed at any time. Sessions while paused are not counted against them.',
    danger: false,
  },
  active: {
    action: 'Resume membership',
    title: (name) => `Resume ${name}'s membership?`,
    body: 'They will be expected at the next sessions again.',
    danger: false,
  },
  withdrawn: {
    action: 'Withdraw from group',
    title: (name) => `Withdraw ${name} from the group?`,
    body: 'They leave the group and its space. Their record and notes are kept. This cannot be undone: they would need a new referral.',
    danger: true,
  },
  completed: {
    action: 'Mark as completed',
    title: (name) => `Mark ${name} as having completed the group?`,
    body: 'Their membership ends as completed. Their record and notes are kept.',
    danger: false,
  },
};

interface Props {
  groupId: string;
  target: { enrolmentId: string; name: string; status: StatusChange } | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Confirms a membership change and asks for the reason, which goes on the record. */
export function MemberStatusModal({ groupId, target, onClose, onDone }: Props) {
  const change = useChangeEnrolmentStatus(groupId);
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);

  function submit(close: () => void) {
    setAttempted(true);
    if (!target || !reason.trim()) return;
    change.mutate(
      { enrolmentId: target.enrolmentId, status: target.status, reason: reason.trim() },
      {
        onSuccess: () => {
          onDone(`${target.name}: ${changeCopy[target.status].action.toLowerCase()} done.`);
          close();
        },
      },
    );
  }

  const copy = target ? changeCopy[target.status] : null;
  const fieldError = change.error instanceof ApiError ? change.error.fieldMessage('reason') : undefined;
  return (
    <FormModal
      opened={target !== null}
      onClose={onClose}
      onReset={() => {
        setReason('');
        setAttempted(false);
      }}
      title={target && copy ? copy.title(target.name) : ''}
      submitLabel={copy?.action ?? ''}
      danger={copy?.danger}
      onSubmit={submit}
      mutation={change}
      error={fieldError ? null : undefined}
    >
      {target && copy ? (
        <>
          <Text>{copy.body}</Text>
          <Textarea
            label="Reason"
            description="Kept on their record."
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError ?? (attempted && !reason.trim() ? 'Give a reason.' : undefined)}
            data-autofocus
          />
        </>
      ) : null}
    </FormModal>
  );
}
