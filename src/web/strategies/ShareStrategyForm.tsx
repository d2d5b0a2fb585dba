import { Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { usePreviewedSend } from '../space/usePreviewedSend';
import { ErrorRegion } from '../layout/feedback';
import { useShareStrategy, type Strategy } from './api';

/** The form to share a coping strategy: what it is, when it helps, the steps. */
export function ShareStrategyForm({ groupId, onDone }: { groupId: string; onDone: (shared: Strategy | null) => void }) {
  const share = useShareStrategy(groupId);
  const preview = usePreviewedSend(groupId, 'strategy');
  const [title, setTitle] = useState('');
  const [whenHelps, setWhenHelps] = useState('');
  const [steps, setSteps] = useState('');
  const problem = share.error instanceof ApiError ? share.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void preview.check({ title, whenHelps, steps }, () => share.mutate({ title, whenHelps, steps }, { onSuccess: (strategy) => onDone(strategy) }));
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="share-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id="share-heading">
              Share what helps you
            </Title>
            <Text size="sm" c="dimmed">
              Your group sees it under your group name. Please leave out names, phone numbers and other contact details.
            </Text>
          </div>
          <TextInput
            label="What do you call it?"
            description="For example: Box breathing before meetings"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={120}
            required
            error={problem?.fieldMessage('title')}
          />
          <Textarea
            label="When does it help?"
            description="The moments or feelings it is good for"
            value={whenHelps}
            onChange={(e) => setWhenHelps(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
            required
            error={problem?.fieldMessage('whenHelps')}
          />
          <Textarea
            label="What are the steps?"
            description="One step per line works well"
            value={steps}
            onChange={(e) => setSteps(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={4000}
            required
            error={problem?.fieldMessage('steps')}
          />
          <ErrorRegion error={preview.problem} title="Please change this before sharing" />
          {preview.notice}
          <ErrorRegion error={share.error} title="Your strategy was not shared" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onDone(null)}>
              Cancel
            </Button>
            <Button type="submit" loading={share.isPending || preview.checking}>
              Share with my group
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
