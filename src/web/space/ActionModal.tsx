import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormModal } from '../layout/FormModal';
import { MAX_POST_CHARS, SPACE_NOTE_MAX, SPACE_REPORT_NOTE_MAX } from '../../shared/schemas/space';
import type { PostAction } from './PostItem';
import type { SpacePost } from './api';

interface ActionCopy {
  title: string;
  explain: (post: SpacePost) => string;
  confirm: string;
  /** A text field: required (a reason the author sees) or optional (a note). */
  field?: { label: string; required: boolean; maxLength?: number; prefill?: (post: SpacePost) => string };
  danger?: boolean;
}

export const ACTION_COPY: Partial<Record<PostAction, ActionCopy>> = {
  report_worried: {
    title: 'I’m worried about this person',
    explain: (p) => `A facilitator will be told you are worried about ${p.author.label}. ${p.author.label} and the group will not know it was you.`,
    confirm: 'Tell a facilitator',
    field: { label: 'Anything the facilitator should know (optional)', required: false, maxLength: SPACE_REPORT_NOTE_MAX },
  },
  report_agreement: {
    title: 'This breaks our agreement',
    explain: () => 'A facilitator will look at this message. Nobody in the group will know who reported it.',
    confirm: 'Report the message',
    field: { label: 'What concerns you (optional)', required: false, maxLength: SPACE_REPORT_NOTE_MAX },
  },
  tag: {
    title: 'Bring to the next session',
    explain: () => 'The facilitators will see this message in their notes for the next session.',
    confirm: 'Bring it to the group',
    field: { label: 'A note for the facilitators (optional)', required: false, maxLength: SPACE_NOTE_MAX },
  },
  mute: {
    title: 'Mute this member',
    explain: (p) => `You will no longer see messages from ${p.author.label}. They will not be told. You can unmute them on the space page.`,
    confirm: 'Mute',
  },
  block: {
    title: 'Block this member',
    explain: (p) => `You will not see ${p.author.label}’s messages, and neither of you can reply to or message the other. They will not be told.`,
    confirm: 'Block',
    danger: true,
  },
  withdraw: { title: 'Take back your message', explain: () => 'The group will see that a message was removed.', confirm: 'Take it back', danger: true },
  remove: {
    title: 'Remove this message',
    explain: (p) => `${p.author.label} will see your reason. The group sees only that a message was removed.`,
    confirm: 'Remove',
    field: { label: 'Reason (the author sees it)', required: true },
    danger: true,
  },
  release_edited: {
    title: 'Edit, then release to the group',
    explain: (p) => `${p.author.label} will be told that a facilitator changed some words before the group saw it. What they first wrote stays in the moderation log.`,
    confirm: 'Release to the group',
    field: { label: 'The text the group will see', required: true, maxLength: MAX_POST_CHARS, prefill: (p) => p.body },
  },
  reject: {
    title: 'Withdraw this message',
    explain: (p) => `The group will not see it. ${p.author.label} still sees it, with your reason.`,
    confirm: 'Withdraw',
    field: { label: 'Reason (the author sees it)', required: true },
  },
};

/** Confirms one action on one message, with a reason or note where it needs one. */
export function ActionModal({
  action,
  post,
  onClose,
  onConfirm,
}: {
  action: PostAction | null;
  post: SpacePost | null;
  onClose: () => void;
  onConfirm: (note: string) => Promise<unknown>;
}) {
  const copy = action ? ACTION_COPY[action] : undefined;
  const prefill = () => (copy && post ? (copy.field?.prefill?.(post) ?? '') : '');
  const [note, setNote] = useState(prefill);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <FormModal
      opened={!!copy && !!post}
      onClose={onClose}
      title={copy?.title ?? ''}
      submitLabel={copy?.confirm ?? ''}
      size="md"
      danger={copy?.danger}
      pending={busy}
      error={error}
      submitDisabled={!!copy?.field?.required && !note.trim()}
      onReset={() => {
        setNote(prefill());
        setError(null);
      }}
      onSubmit={(close) => {
        setBusy(true);
        onConfirm(note.trim())
          .then(close, setError)
          .finally(() => setBusy(false));
      }}
    >
      {copy && post ? (
        <>
          <Text size="sm">{copy.explain(post)}</Text>
          {copy.field ? (
            <Textarea
              label={copy.field.label}
              required={copy.field.required}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={copy.field.maxLength ?? SPACE_NOTE_MAX}
              autosize
              minRows={2}
            />
          ) : null}
        </>
      ) : null}
    </FormModal>
  );
}
