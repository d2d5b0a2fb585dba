import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { PreviewResponse } from '../../shared/schemas/moderation';
import { MAX_POST_CHARS } from '../../shared/schemas/space';
import { errorMessage } from '../layout/feedback';
import { previewText } from './api';
import { RiskNotice } from './RiskNotice';
import { sendPost } from './send';

/**
 * Writing a message. Before sending it asks the server what the text would meet: contact details
 * or a blocked phrase are explained (and not sent); words that sound like someone is struggling
 * bring up the author's own safety plan first, with "Send anyway" — never a block.
 */
export function Composer({ groupId, thread, label, onSent }: { groupId: string; thread: string; label: string; onSent: () => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [risk, setRisk] = useState<PreviewResponse | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await sendPost(groupId, thread, text);
      setText('');
      setRisk(null);
      onSent();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const check = async () => {
    if (!text.trim()) return;
    setBusy(true);
    setProblem(null);
    try {
      const preview = await previewText(groupId, text);
      if (preview.contactDetails) return setProblem(preview.contactDetails.message);
      if (preview.blockedPhrase) return setProblem('This contains a phrase this service does not allow in the group space. Please rephrase it.');
      if (preview.risk.tier !== 'none') return setRisk(preview);
    } catch (error) {
      return setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
    await send();
  };

  return (
    <Stack gap="xs" component="form" onSubmit={(event) => { event.preventDefault(); void check(); }}>
      {problem ? (
        <Alert color="red" variant="light" role="alert" title="Not sent">
          {problem}
        </Alert>
      ) : null}
      {risk ? <RiskNotice preview={risk} sending={busy} onSend={() => void send()} onEdit={() => setRisk(null)} /> : null}
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
          setRisk(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void check();
          }
        }}
      />
      {!risk ? (
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!text.trim()}>
            Send
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
