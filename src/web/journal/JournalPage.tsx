import { Badge, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorRegion, QueryView, SuccessRegion, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useDeleteEntry, useJournal, useJournalPrompts, useShareEntry, useUpdateEntry, useWriteEntry, type JournalEntry, type JournalWriteResponse } from './api';
import { JournalSupport } from './JournalSupport';
import { useMe } from '../auth/session';

function WriteForm() {
  const prompts = useJournalPrompts();
  const write = useWriteEntry();
  const [prompt, setPrompt] = useState<string>('');
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [support, setSupport] = useState<JournalWriteResponse['support']>(null);
  const options = prompts.data?.topics.flatMap((t) => t.prompts.map((p) => ({ prompt: p, topic: t.topic }))) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    setSupport(null);
    if (!body.trim()) return;
    write.mutate(
      { prompt: prompt || null, body: body.trim() },
      {
        onSuccess: (result) => {
          const entry = result as JournalWriteResponse;
          setBody('');
          setPrompt('');
          setSaved(entry.support?.careTeamTold ? 'Saved.' : 'Saved. Only you can read it.');
          setSupport(entry.support);
        },
      },
    );
  };
  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} aria-labelledby="write-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="write-heading">
          Write
        </Title>
        {options.length > 0 ? (
          <Radio.Group label={`A prompt from “${prompts.data?.topics[0]?.topic ?? ''}” (optional)`} value={prompt} onChange={setPrompt}>
            <Stack gap="xs" mt="xs">
              <Radio value="" label="No prompt, just write" />
              {options.map((o) => (
                <Radio key={o.prompt} value={o.prompt} label={o.prompt} />
              ))}
            </Stack>
          </Radio.Group>
        ) : null}
        <Textarea label={prompt || 'Your reflection'} value={body} onChange={(e) => setBody(e.currentTarget.value)} maxLength={10_000} autosize minRows={4} />
        <ErrorRegion error={write.error} />
        <SuccessRegion message={saved} />
        {support ? <JournalSupport support={support} /> : null}
        <Button type="submit" disabled={!body.trim()} loading={write.isPending} style={{ alignSelf: 'flex-start' }}>
          Save entry
        </Button>
      </Stack>
    </Card>
  );
}

function Entry({ entry }: { entry: JournalEntry }) {
  const share = useShareEntry();
  const update = useUpdateEntry();
  const remove = useDeleteEntry();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(entry.body);
  const [confirming, setConfirming] = useState(false);
  const shared = entry.sharedWithClinicianAt !== null;
  return (
    <Card withBorder padding="md" component="article" aria-label={`Entry of ${formatDateTime(entry.createdAt)}`}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {formatDateTime(entry.createdAt)}
          </Text>
          <Badge variant="light" color={shared ? 'blue' : 'gray'}>
            {shared ? 'Shared with my clinicians' : 'Private'}
          </Badge>
        </Group>
        {entry.prompt ? (
          <Text size="sm" fs="italic" style={{ overflowWrap: 'anywhere' }}>
            {entry.prompt}
          </Text>
        ) : null}
        {editing ? (
          <Stack gap="xs">
            <Textarea label="Edit entry" value={draft} onChange={(e) => setDraft(e.currentTarget.value)} maxLength={10_000} autosize minRows={3} />
            <Group gap="xs">
              <Button
                size="xs"
                disabled={!draft.trim()}
                loading={update.isPending}
                onClick={() => update.mutate({ id: entry.id, prompt: entry.prompt, body: draft.trim() }, { onSuccess: () => setEditing(false) })}
              >
                Save
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {entry.body}
          </Text>
        )}
        <Group gap="xs">
          <Button size="xs" variant="subtle" loading={share.isPending} onClick={() => share.mutate({ id: entry.id, share: !shared })}>
            {shared ? 'Stop sharing' : 'Share with my clinicians'}
          </Button>
          {!editing ? (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              onClick={() => {
                setDraft(entry.body);
                setEditing(true);
              }}
            >
              Edit
            </Button>
          ) : null}
          {confirming ? (
            <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate(entry.id)}>
              Yes, delete it
            </Button>
          ) : (
            <Button size="xs" variant="subtle" color="gray" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          )}
        </Group>
        <ErrorRegion error={share.error ?? update.error ?? remove.error} />
      </Stack>
    </Card>
  );
}

/** The private journal: reflections with prompts from the group's current topic. */
export function JournalPage() {
  usePageTitle('Journal', useMe().service.name);
  const journal = useJournal();
  return (
    <Stack gap="md" maw={720}>
      <div>
        <Title order={1}>Journal</Title>
        <Text c="dimmed" size="sm">
          Private: no one else reads it, clinicians included, unless you share an entry with your clinicians.
        </Text>
        {journal.data ? (
          <Text c="dimmed" size="sm" data-testid="journal-alert-statement">
            {journal.data.careTeamAlertsOnRisk
              ? 'If an entry suggests you may be in danger, your care team is told that it needs a check-in — not what you wrote. Your group agreement says so.'
              : 'If an entry suggests you may be in danger, only you see your safety plan and the crisis line; nobody is alerted.'}
          </Text>
        ) : null}
      </div>
      <WriteForm />
      <Title order={2} size="h4">
        Your entries
      </Title>
      <QueryView query={journal}>
        {(data) =>
          data.entries.length === 0 ? (
            <Text size="sm">No entries yet.</Text>
          ) : (
            <Stack gap="sm">
              {data.entries.map((e) => (
                <Entry key={e.id} entry={e} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}
