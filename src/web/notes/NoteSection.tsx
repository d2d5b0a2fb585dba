import { Card, Text, Title } from '@mantine/core';
import type { GroupSession } from '../api/types';
import { QueryView } from '../layout/feedback';
import { useNote } from './api';
import { NoteEditor } from './NoteEditor';
import { NoteVersions } from './NoteVersions';
import { SignedNote } from './SignedNote';

/** The session's note: the editor while a draft, read-only once signed, with its history. */
export function NoteSection({ session }: { session: GroupSession }) {
  const held = session.status === 'held';
  const note = useNote(session.id, held);
  if (session.status === 'cancelled') return null;
  if (!held) {
    return (
      <Card withBorder padding="lg" component="section" aria-labelledby="note-heading">
        <Title order={2} size="h3" id="note-heading" mb="xs">
          Group note
        </Title>
        <Text>The note opens once attendance is saved: it has a section for each member who came.</Text>
      </Card>
    );
  }
  return (
    <QueryView query={note} loadingLabel="Loading the note…">
      {(envelope) => {
        const people = [...envelope.attendees, ...(envelope.note?.members ?? [])];
        return (
          <>
            {envelope.note?.status === 'signed' ? (
              <SignedNote note={envelope.note} sessionId={session.id} groupId={session.groupId} />
            ) : (
              <NoteEditor key={session.id} sessionId={session.id} groupId={session.groupId} envelope={envelope} />
            )}
            {envelope.note ? <NoteVersions sessionId={session.id} people={people} /> : null}
          </>
        );
      }}
    </QueryView>
  );
}
