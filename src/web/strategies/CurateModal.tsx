import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ErrorRegion } from '../layout/feedback';
import { useCurateStrategy, type Strategy } from './api';

/** A facilitator adds a shared strategy to the programme library, choosing how the author is credited. */
export function CurateModal({ strategy, groupId, onClose }: { strategy: Strategy | null; groupId: string; onClose: () => void }) {
  const curate = useCurateStrategy(groupId);
  const [credit, setCredit] = useState<'pseudonym' | 'anonymous'>('pseudonym');
  const [note, setNote] = useState('');
  const close = () => {
    curate.reset();
    setNote('');
    onClose();
  };
  return (
    <Modal opened={!!strategy} onClose={close} title="Add to the programme library" centered>
      {strategy ? (
        <Stack gap="md">
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
          <ErrorRegion error={curate.error} title="It was not added" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button loading={curate.isPending} onClick={() => curate.mutate({ id: strategy.id, credit, evidenceNote: note.trim() || undefined }, { onSuccess: close })}>
              Add to library
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
