import { Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormModal } from '../layout/FormModal';
import { useCurateStrategy, type Strategy } from './api';

/** A facilitator adds a shared strategy to the programme library, choosing how the author is credited. */
export function CurateModal({ strategy, groupId, onClose }: { strategy: Strategy | null; groupId: string; onClose: () => void }) {
  const curate = useCurateStrategy(groupId);
  const [credit, setCredit] = useState<'pseudonym' | 'anonymous'>('pseudonym');
  const [note, setNote] = useState('');
  return (
    <FormModal
      opened={!!strategy}
      onClose={onClose}
      title="Add to the programme library"
      submitLabel="Add to library"
      size="md"
      mutation={curate}
      errorTitle="It was not added"
      onReset={() => {
        setCredit('pseudonym');
        setNote('');
      }}
      onSubmit={(close) => {
        if (strategy) curate.mutate({ id: strategy.id, credit, evidenceNote: note.trim() || undefined }, { onSuccess: close });
      }}
    >
      {strategy ? (
        <>
          <Text size="sm">“{strategy.title}” will be copied into the library of the programme, where people in every group of the programme can find it.</Text>
          <Radio.Group label="Credit" value={credit} onChange={(v) => setCredit(v === 'anonymous' ? 'anonymous' : 'pseudonym')}>
            <Stack gap="xs" mt="xs">
              <Radio value="pseudonym" label={`Shared by ${strategy.authorPseudonym}`} />
              <Radio value="anonymous" label="Shared by a group member (anonymous)" />
            </Stack>
          </Radio.Group>
          <Textarea
            label="Evidence or notes (optional)"
            description="For example: a grounding technique used in DBT skills training"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
          />
        </>
      ) : null}
    </FormModal>
  );
}
