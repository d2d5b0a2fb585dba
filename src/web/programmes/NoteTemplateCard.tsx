import { Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { NOTE_TEMPLATE_KINDS, NOTE_TEMPLATES, type NoteTemplateKind } from '../../shared/notes/templates';
import { useProgrammeEdits, type ProgrammeDetail } from './api';

const headings = (kind: NoteTemplateKind) => NOTE_TEMPLATES[kind].sections.map((s) => s.label).join(' · ');

/**
 * The structure of the programme's group notes: free, DAP or SOAP, with its versions. Editable
 * when the API says the person may change the programme; read-only otherwise.
 */
export function NoteTemplateCard({ programme }: { programme: ProgrammeDetail }) {
  const { noteTemplate } = useProgrammeEdits(programme.id);
  const current = programme.noteTemplate;
  const [kind, setKind] = useState<NoteTemplateKind>(current.kind);
  const [saved, setSaved] = useState<string | null>(null);
  const server = noteTemplate.error instanceof ApiError ? noteTemplate.error : null;
  const unchanged = kind === current.kind;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    noteTemplate.mutate(kind, {
      onSuccess: (detail) =>
        setSaved(
          `New notes now follow the ${NOTE_TEMPLATES[detail.noteTemplate.kind].name} template (version ${detail.noteTemplate.version ?? 1}). Notes already started keep theirs.`,
        ),
    });
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="note-template-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="note-template-heading">
          Note template
        </Title>
        <Text size="sm" c="dimmed">
          The structure of the group part of each session’s note. A new note starts with the session’s topic and skill focus written in; member sections are the same under every
          template.
        </Text>
        {programme.canEdit ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Radio.Group label="Template for new notes" value={kind} onChange={(value) => setKind(value as NoteTemplateKind)} error={server?.fieldMessage('kind')}>
                <Stack gap="xs" mt="xs">
                  {NOTE_TEMPLATE_KINDS.map((k) => (
                    <Radio key={k} value={k} label={`${NOTE_TEMPLATES[k].name}: ${NOTE_TEMPLATES[k].description}`} description={`Sections: ${headings(k)}`} />
                  ))}
                </Stack>
              </Radio.Group>
              <ErrorRegion error={server?.details.length ? null : noteTemplate.error} title="We couldn't change the template" />
              <SuccessRegion message={saved} />
              <Group>
                <Button type="submit" loading={noteTemplate.isPending} disabled={unchanged && current.version !== null}>
                  Use this template
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Text data-testid="note-template-current">
            {NOTE_TEMPLATES[current.kind].name}: {headings(current.kind)}
          </Text>
        )}
        <Title order={3} size="h4" id="note-template-versions-heading">
          Template versions
        </Title>
        {programme.noteTemplateVersions.length === 0 ? (
          <Text size="sm">Never chosen: notes use the free template.</Text>
        ) : (
          <Stack gap={4} component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="note-template-versions-heading">
            {programme.noteTemplateVersions.map((v) => (
              <li key={v.version}>
                <Text size="sm">
                  <Text span fw={600}>
                    Version {v.version}
                  </Text>
                  {v.version === current.version ? ' (current)' : ''}: {NOTE_TEMPLATES[v.kind].name} · {formatDateTime(v.createdAt)}
                  {v.createdBy ? ` · ${v.createdBy}` : ''}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
