import { Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { usePreviewedSend } from '../space/usePreviewedSend';
import { ErrorRegion } from '../layout/feedback';
import { FormModal } from '../layout/FormModal';
import { CELEBRATION_NOTE_MAX } from '../../shared/schemas/goals';
import { useCelebrate, type Milestone } from './api';

type Detail = 'reached' | 'title' | 'title_note';

/** Share a reached step with the group: the member chooses how much the card says. */
export function CelebrateModal({ milestone, groupId, groupName, onClose }: { milestone: Milestone | null; groupId: string; groupName: string; onClose: () => void }) {
  const celebrate = useCelebrate();
  const preview = usePreviewedSend(groupId, 'celebration');
  const [detail, setDetail] = useState<Detail>('title');
  const [note, setNote] = useState('');
  const noteMissing = detail === 'title_note' && !note.trim();
  return (
    <FormModal
      opened={milestone !== null}
      onClose={onClose}
      title="Celebrate with your group"
      size="md"
      submitLabel="Share celebration"
      cancelLabel="Not now"
      mutation={celebrate}
      pending={celebrate.isPending || preview.checking}
      submitDisabled={noteMissing}
      onReset={() => {
        setNote('');
        setDetail('title');
      }}
      onSubmit={(close) => {
        if (!milestone) return;
        const shownNote = detail === 'title_note' ? note.trim() : '';
        // The texts the card will show, as the server moderates them.
        const fields: Record<string, string> = { title: detail === 'reached' ? 'Reached a milestone' : milestone.title };
        if (shownNote) fields.note = shownNote;
        void preview.check(fields, () => celebrate.mutate({ id: milestone.id, detail, note: shownNote }, { onSuccess: close }));
      }}
    >
      {milestone ? (
        <>
          <Text size="sm">A card goes to {groupName}, under your group name. Members can cheer you on with a supportive reaction. You can take it down at any time.</Text>
          <Radio.Group label="What the card says" value={detail} onChange={(v) => setDetail(v as Detail)}>
            <Stack gap="xs" mt="xs">
              <Radio value="reached" label="Just that I reached a milestone" />
              <Radio value="title" label={<span style={{ overflowWrap: 'anywhere' }}>The step: “{milestone.title}”</span>} />
              <Radio value="title_note" label="The step and a short note" />
            </Stack>
          </Radio.Group>
          {detail === 'title_note' ? (
            <Textarea
              label="Your note"
              description="What it meant to you, or how you did it."
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={CELEBRATION_NOTE_MAX}
              autosize
              minRows={2}
            />
          ) : null}
          <ErrorRegion error={preview.problem} title="Please change this before sharing" />
          {preview.notice}
        </>
      ) : null}
    </FormModal>
  );
}
