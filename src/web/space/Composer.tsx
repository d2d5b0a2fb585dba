import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { MAX_POST_CHARS } from '../../shared/schemas/space';
import { errorMessage } from '../layout/feedback';
import { sendPost } from './send';
import { usePreviewedSend } from './usePreviewedSend';

/**
 * Writing a message. Before sending, the one preview (usePreviewedSend) asks the server what the
 * text would meet: contact details or a blocked phrase are explained (and not sent); words that
 * sound like someone is struggling bring up "Talk to someone now" first, with "Send anyway" —
 * never a block. A message held for the care team says who was told.
 */
export function Composer({ groupId, thread, label, onSent }: { groupId: string; thread: string; label: string; onSent: () => void }) {
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const preview = usePreviewedSend(groupId, thread === 'chat' ? 'message' : 'post');

  const send = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const post = await sendPost(groupId, thread, text);
      setText('');
      preview.sent(post.statusReasons);
      onSent();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const check = () => {
    if (!text.trim()) return;
    setFailure(null);
    void preview.check(text, () => void send());
  };

  const problem = preview.problem ?? failure;
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        check();
      }}
    >
      {problem ? (
        <Alert color="red" variant="light" role="alert" title="Not sent">
          {errorMessage(problem)}
        </Alert>
      ) : null}
      {preview.notice}
      <Textarea
        label={label}
        placeholder="Write to the group"
        autosize
        minRows={2}
        maxRows={8}
        maxLength={MAX_POST_CHARS}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          preview.reset();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            check();
          }
        }}
      />
      {!preview.choosing ? (
        <Group justify="flex-end">
          <Button type="submit" loading={busy || preview.checking} disabled={!text.trim()}>
            Send
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
