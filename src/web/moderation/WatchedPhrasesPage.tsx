import { Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { WATCHED_PHRASE_MAX, WATCHED_PHRASE_NOTE_MAX } from '../../shared/schemas/moderation';
import { useMe } from '../auth/session';
import { ConfirmModal } from '../layout/ConfirmModal';
import { ErrorRegion, PageLoader, SuccessRegion, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { SectionForm } from '../layout/SectionCard';
import { useFormChecks } from '../layout/useFormChecks';
import { useDeletePhrase, useSavePhrase, useWatchedPhrases, type PhraseAction, type WatchedPhraseView } from './api';
import { actionColor, actionLabel, actionPast, actionShort } from './copy';

const ACTIONS: PhraseAction[] = ['block', 'hold', 'flag', 'redact'];
const actionOptions = ACTIONS.map((a) => ({ value: a, label: actionLabel[a] }));

function AddPhraseForm({ onAdded }: { onAdded: (phrase: string) => void }) {
  const save = useSavePhrase();
  const [phrase, setPhrase] = useState('');
  const [action, setAction] = useState<PhraseAction>('hold');
  const [note, setNote] = useState('');
  const form = useFormChecks(save.error, { phrase: phrase.trim().length < 2 ? 'Enter at least 2 characters.' : undefined });

  function submit() {
    save.mutate(
      { phrase: phrase.trim(), action, note: note.trim() },
      {
        onSuccess: (p) => {
          onAdded(p.phrase);
          setPhrase('');
          setNote('');
          form.setAttempted(false);
        },
      },
    );
  }

  return (
    <SectionForm
      headingId="add-phrase-heading"
      title="Watch a phrase"
      onSubmit={() => form.submit(submit)}
      error={form.formError}
      errorTitle="The phrase was not added"
      saved={null}
      submitLabel="Add phrase"
      pending={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Phrase"
          description="Matched as whole words, in any case, in every group space of the service."
          required
          value={phrase}
          maxLength={WATCHED_PHRASE_MAX}
          onChange={(e) => setPhrase(e.currentTarget.value)}
          error={form.fieldError('phrase')}
        />
        <NativeSelect label="What happens" value={action} onChange={(e) => setAction(e.currentTarget.value as PhraseAction)} data={actionOptions} />
      </SimpleGrid>
      <TextInput
        label="Note for colleagues (optional)"
        description="Why this phrase is watched."
        value={note}
        maxLength={WATCHED_PHRASE_NOTE_MAX}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </SectionForm>
  );
}

function PhraseRow({ phrase, onRemove }: { phrase: WatchedPhraseView; onRemove: (p: WatchedPhraseView) => void }) {
  const save = useSavePhrase();
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {phrase.phrase}
          </Text>
          <Badge color={actionColor[phrase.action]} variant="light">
            {actionShort[phrase.action]}
          </Badge>
        </Group>
        {phrase.note ? <Text size="sm">{phrase.note}</Text> : null}
        <Text size="xs" c="dimmed">
          Added {formatDateTime(phrase.createdAt)}
          {phrase.createdBy ? ` by ${phrase.createdBy}` : ''}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={`Action for “${phrase.phrase}”`}
            size="sm"
            value={phrase.action}
            data={actionOptions}
            disabled={save.isPending}
            onChange={(e) => save.mutate({ id: phrase.id, action: e.currentTarget.value as PhraseAction, note: phrase.note ?? '' })}
          />
          <Button size="sm" variant="default" color="red" onClick={() => onRemove(phrase)}>
            Stop watching
          </Button>
        </Group>
        <ErrorRegion error={save.error} title="The change was not saved" />
      </Stack>
    </Card>
  );
}

/** Admin: the service's watched phrases (block / hold / flag / redact), added, changed and removed with an audit row each. */
export function WatchedPhrasesPage() {
  const me = useMe();
  usePageTitle('Watched phrases', me.service.name);
  const phrases = useWatchedPhrases();
  const remove = useDeletePhrase();
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<WatchedPhraseView | null>(null);

  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={1}>Watched phrases</Title>
        <Text>
          Words and phrases the group spaces watch for. Contact details (e-mail, phone numbers, social media) are always refused and need no entry here; risk language is detected
          separately and never blocks a message.
        </Text>
      </div>
      <SuccessRegion message={done} />
      <AddPhraseForm onAdded={(p) => setDone(`“${p}” is now watched.`)} />
      <section aria-labelledby="phrases-heading">
        <Title order={2} size="h3" id="phrases-heading" mb="sm">
          Watched now
        </Title>
        {phrases.isPending ? <PageLoader label="Loading phrases…" /> : null}
        <ErrorRegion error={phrases.error} title="We couldn't load the phrases" />
        {phrases.data && phrases.data.phrases.length === 0 ? <Text>No phrases are watched yet.</Text> : null}
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {phrases.data?.phrases.map((p) => (
            <PhraseRow key={p.id} phrase={p} onRemove={setRemoving} />
          ))}
        </Stack>
      </section>
      <ConfirmModal
        opened={!!removing}
        onClose={() => setRemoving(null)}
        title="Stop watching this phrase?"
        confirmLabel="Stop watching"
        cancelLabel="Keep it"
        danger
        mutation={remove}
        onConfirm={(close) => {
          if (!removing) return;
          const phrase = removing.phrase;
          remove.mutate(removing.id, {
            onSuccess: () => {
              setDone(`“${phrase}” is no longer watched.`);
              close();
            },
          });
        }}
      >
        <Text>
          “{removing?.phrase}” will no longer be {removing ? actionPast[removing.action] : ''}. Items already handled stay as they are.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
