import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { Note, NoteEnvelope } from '../api/types';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { noteKeys, useNoteActions, type NoteDraft } from './api';
import { NoteConflict } from './NoteConflict';
import { DID_NOT_CONTRIBUTE, differs, groupSectionsOf, missingForSigning, sectionsFor, textOf, type NoteText } from './noteText';
import { SignNoteModal } from './SignNoteModal';

interface Props {
  sessionId: string;
  groupId: string;
  envelope: NoteEnvelope;
}

/** Unsaved changes are saved this long after the last keystroke. */
const AUTOSAVE_AFTER_MS = 6_000;

/**
 * The draft group note: the group sections of its programme's template (free, DAP or SOAP; a new
 * note starts with the session's topic and skill focus written in) and a short section per attendee. Saves name the
 * version they started from; when someone else saved in between, the conflict is shown and the
 * person's own text is kept.
 */
export function NoteEditor({ sessionId, groupId, envelope }: Props) {
  const client = useQueryClient();
  const actions = useNoteActions(sessionId, groupId);
  const [based, setBased] = useState<Note | null>(envelope.note);
  // The structure is fixed when the note is first saved: the envelope's draft until then, the note's own after.
  const [groupSections] = useState(() => groupSectionsOf(envelope));
  const [start] = useState(() => textOf(null, envelope.draft));
  const [text, setText] = useState<NoteText>(() => textOf(envelope.note, envelope.draft));
  const [incomplete, setIncomplete] = useState<string[] | null>(null);
  const [conflict, setConflict] = useState<Note | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  const { sections, orphans } = sectionsFor(envelope.note, envelope.attendees);
  const dirty = differs(text, based ? textOf(based) : start);
  // The new note's template alone is not worth saving: only what the facilitator wrote is.
  const written = based !== null || differs(text, start);

  const draft = (baseVersion: number): NoteDraft => ({
    baseVersion,
    sections: text.group,
    members: sections.map((s) => ({ enrolmentId: s.enrolmentId, body: text.members[s.enrolmentId] ?? '' })),
  });

  /** A stale save or sign: keep the text, show both versions. */
  function onConflict(error: unknown): boolean {
    if (error instanceof ApiError && error.code === 'stale_version' && error.current) {
      setConflict(error.current as Note);
      return true;
    }
    return false;
  }

  async function save(baseVersion: number, automatic = false): Promise<Note | null> {
    setSaved(null);
    try {
      const note = await actions.save.mutateAsync(draft(baseVersion));
      setBased(note);
      setConflict(null);
      setSaved(`${automatic ? 'Saved automatically' : 'Draft saved'} (version ${note.version}) at ${formatDateTime(note.updatedAt)}.`);
      return note;
    } catch (error) {
      onConflict(error);
      return null;
    }
  }

  // Autosave: a few seconds after the last change, with the same optimistic concurrency as
  // "Save draft" (someone else's save in between shows the conflict; nothing is overwritten).
  // Not while a conflict is open, a save is running or the sign dialog is open.
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  const pending = actions.save.isPending;
  useEffect(() => {
    if (!dirty || !written || conflict || pending || signing) return;
    const timer = setTimeout(() => void latest.current(based?.version ?? 0, true), AUTOSAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text, dirty, written, conflict, pending, signing, based]);

  function startSigning() {
    const missing = missingForSigning(text, groupSections, sections);
    setIncomplete(missing.length ? missing : null);
    if (!missing.length) setSigning(true);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(based?.version ?? 0);
  }

  function discardMine() {
    if (!conflict) return;
    client.setQueryData<NoteEnvelope>(noteKeys.note(sessionId), (old) => ({
      note: conflict,
      attendees: old?.attendees ?? envelope.attendees,
      draft: null,
    }));
    setBased(conflict);
    setText(textOf(conflict));
    setConflict(null);
    actions.save.reset();
    setSaved('Their version is now in the editor.');
  }

  const setMember = (id: string, body: string) => setText((t) => ({ ...t, members: { ...t.members, [id]: body } }));
  const saveError = actions.save.error instanceof ApiError && actions.save.error.code === 'stale_version' ? null : actions.save.error;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="note-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id="note-heading">
              Group note
            </Title>
            <Text size="sm" c="dimmed" data-testid="note-status">
              {based ? `Draft, version ${based.version}, last saved by ${based.updatedBy} at ${formatDateTime(based.updatedAt)}.` : 'New note: not saved yet.'}
              {dirty ? ' You have unsaved changes.' : ''}
            </Text>
          </div>
          {conflict ? (
            <NoteConflict
              theirs={conflict}
              mine={text}
              base={based ? textOf(based) : start}
              groupSections={groupSections}
              sections={sections}
              saving={actions.save.isPending}
              onKeepMine={() => void save(conflict.version)}
              onDiscardMine={discardMine}
            />
          ) : null}
          {groupSections.map((s) => (
            <Textarea
              key={s.key}
              label={s.label}
              description={s.hint}
              autosize
              minRows={3}
              maxRows={16}
              value={text.group[s.key] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setText((t) => ({ ...t, group: { ...t.group, [s.key]: value } }));
              }}
            />
          ))}
          <div>
            <Title order={3} size="h4">
              Member sections
            </Title>
            <Text size="sm" c="dimmed">
              A short note for each member who attended. Each section is filed to that member's record.
            </Text>
          </div>
          {sections.length === 0 ? <Text size="sm">Nobody was marked as attending.</Text> : null}
          {sections.map((s) => (
            <div key={s.enrolmentId}>
              <Textarea
                label={`${s.pseudonym} (${s.displayName})`}
                autosize
                minRows={2}
                maxRows={10}
                value={text.members[s.enrolmentId] ?? ''}
                onChange={(e) => setMember(s.enrolmentId, e.currentTarget.value)}
              />
              {(text.members[s.enrolmentId] ?? '').trim() ? null : (
                <Button variant="subtle" size="compact-sm" mt={4} onClick={() => setMember(s.enrolmentId, DID_NOT_CONTRIBUTE)} aria-label={`${s.pseudonym} did not contribute`}>
                  Did not contribute
                </Button>
              )}
            </div>
          ))}
          {orphans.length > 0 ? (
            <Alert color="yellow" variant="light" title="Sections of people no longer marked as attending">
              <Text size="sm">
                {orphans.map((o) => o.pseudonym).join(', ')} had a section but {orphans.length === 1 ? 'is' : 'are'} no longer marked as attending. Their section is left out when
                you save; check the attendance above if that is a mistake.
              </Text>
            </Alert>
          ) : null}
          {incomplete && missingForSigning(text, groupSections, sections).length ? (
            <Alert color="yellow" variant="light" title="The note is not complete yet" role="alert">
              <Text size="sm">A signed note is locked, so it is signed complete. Still to write:</Text>
              <ul aria-label="Still to write">
                {missingForSigning(text, groupSections, sections).map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              <Text size="sm">For a member who attended but did not take part, choose “Did not contribute”.</Text>
            </Alert>
          ) : null}
          <ErrorRegion error={saveError} title="We couldn't save the note" />
          <SuccessRegion message={saved} />
          <Group gap="sm">
            <Button type="submit" loading={actions.save.isPending && !conflict}>
              Save draft
            </Button>
            <Button variant="default" onClick={startSigning} disabled={!!conflict}>
              Sign…
            </Button>
          </Group>
        </Stack>
      </form>
      <SignNoteModal
        opened={signing}
        dirty={dirty || !based}
        onClose={() => setSigning(false)}
        onSign={async () => {
          const note = dirty || !based ? await save(based?.version ?? 0) : based;
          // A failed save shows its conflict or error in the editor: close the dialog to reveal it.
          if (!note) return true;
          try {
            await actions.sign.mutateAsync(note.version);
            return true;
          } catch (error) {
            return onConflict(error);
          }
        }}
        error={actions.sign.error instanceof ApiError && actions.sign.error.code === 'stale_version' ? null : actions.sign.error}
      />
    </Card>
  );
}
