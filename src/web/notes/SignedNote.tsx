import { Badge, Button, Card, Divider, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Note } from '../api/types';
import { useMe } from '../auth/session';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useNoteActions } from './api';
import { ReadSection } from './ReadSection';
import classes from '../layout/layout.module.css';

/** A signed note: read-only, with co-signature and dated addenda below. */
export function SignedNote({ note, sessionId, groupId }: { note: Note; sessionId: string; groupId: string }) {
  const me = useMe();
  const actions = useNoteActions(sessionId, groupId);
  const [addendum, setAddendum] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const canCosign = !note.cosignedBy && note.signedBy !== me.user.displayName;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!addendum.trim()) return;
    actions.addendum.mutate(addendum.trim(), {
      onSuccess: () => {
        setAddendum('');
        setAttempted(false);
        setDone('Addendum added.');
      },
    });
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="note-heading">
      <Stack gap="md">
        <div>
          <Group gap="sm">
            <Title order={2} size="h3" id="note-heading">
              Group note
            </Title>
            <Badge color="green" variant="light">
              Signed
            </Badge>
          </Group>
          <Text size="sm" data-testid="note-status">
            Signed by {note.signedBy} on {formatDateTime(note.signedAt)}.
            {note.cosignedBy ? ` Co-signed by ${note.cosignedBy} on ${formatDateTime(note.cosignedAt)}.` : ' Not co-signed yet.'} The note is locked; add anything new as an
            addendum.
          </Text>
        </div>
        {canCosign ? (
          <Group>
            <Button variant="light" onClick={() => actions.cosign.mutate()} loading={actions.cosign.isPending}>
              Co-sign this note
            </Button>
          </Group>
        ) : null}
        <ErrorRegion error={actions.cosign.error} title="We couldn't co-sign" />
        {note.sections.map((s) => (
          <ReadSection key={s.key} heading={s.label} body={s.body || '—'} order={3} size="h5" />
        ))}
        <Divider />
        <Title order={3} size="h4">
          Member sections
        </Title>
        {note.members.length === 0 ? <Text size="sm">No member sections.</Text> : null}
        {note.members.map((m) => (
          <ReadSection key={m.enrolmentId} heading={`${m.pseudonym} (${m.displayName})`} body={m.body} order={4} size="h5" />
        ))}
        <Divider />
        <Title order={3} size="h4">
          Addenda
        </Title>
        {note.addenda.length === 0 ? <Text size="sm">No addenda.</Text> : null}
        {note.addenda.map((a) => (
          <Card key={a.id} withBorder padding="sm" bg="gray.0">
            <Text size="xs" c="dimmed">
              {a.author}, {formatDateTime(a.createdAt)}
            </Text>
            <Text size="sm" className={classes.prewrap}>
              {a.body}
            </Text>
          </Card>
        ))}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Textarea
              label="Add an addendum"
              description="Dated and signed with your name; the original note stays as it was."
              autosize
              minRows={2}
              value={addendum}
              onChange={(e) => setAddendum(e.currentTarget.value)}
              error={attempted && !addendum.trim() ? 'Write the addendum first.' : undefined}
            />
            <ErrorRegion error={actions.addendum.error} title="We couldn't add the addendum" />
            <SuccessRegion message={done} />
            <Group>
              <Button type="submit" variant="light" loading={actions.addendum.isPending}>
                Add addendum
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
