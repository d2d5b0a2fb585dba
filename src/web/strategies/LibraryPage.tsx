import { Badge, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { FormModal } from '../layout/FormModal';
import { formatDate } from '../layout/format';
import { useLibrary, useUncurate, type LibraryEntry } from './api';

/** The programme's curated coping library, searchable. */
export function LibraryPage() {
  const me = useMe();
  usePageTitle('Coping library', me.service.name);
  const [q, setQ] = useState('');
  const library = useLibrary(q.trim());
  const [removing, setRemoving] = useState<LibraryEntry | null>(null);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Coping library</Title>
        <Text c="dimmed">Strategies members found helpful, chosen by the facilitators to share across the programme.</Text>
      </div>
      <TextInput label="Search the library" placeholder="breathing, sleep, worry…" value={q} onChange={(e) => setQ(e.currentTarget.value)} type="search" maxLength={100} />
      {library.isPending ? (
        <PageLoader label="Loading the library…" />
      ) : library.error || !library.data ? (
        <ErrorRegion error={library.error} title="We couldn't load the library" />
      ) : library.data.entries.length === 0 ? (
        <Text>{q ? 'Nothing in the library matches that search.' : 'The library is empty so far. Facilitators add strategies members found helpful.'}</Text>
      ) : (
        <Stack gap="md" component="section" aria-label="Library entries">
          {library.data.entries.map((e) => (
            <Card key={e.id} withBorder padding="lg" component="article" aria-labelledby={`entry-${e.id}`}>
              <Stack gap="xs">
                <Title order={2} size="h4" id={`entry-${e.id}`} style={{ overflowWrap: 'anywhere' }}>
                  {e.title}
                </Title>
                <Text size="sm" c="dimmed">
                  {e.creditLine} · {e.programmeName} · added {formatDate(e.curatedAt)}
                </Text>
                <Text fw={600} size="sm">
                  When it helps
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {e.whenHelps}
                </Text>
                <Text fw={600} size="sm">
                  Steps
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {e.steps}
                </Text>
                {e.evidenceNote ? (
                  <Group gap="xs" align="flex-start" wrap="nowrap">
                    <Badge variant="light" color="teal" style={{ flexShrink: 0 }}>
                      Note
                    </Badge>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {e.evidenceNote}
                    </Text>
                  </Group>
                ) : null}
                {e.canUncurate ? (
                  <Group>
                    <Button size="sm" variant="subtle" color="gray" onClick={() => setRemoving(e)}>
                      Take out of the library
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      <UncurateModal entry={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}

/** Takes an entry out of the library, with the reason kept in the audit log. */
function UncurateModal({ entry, onClose }: { entry: LibraryEntry | null; onClose: () => void }) {
  const uncurate = useUncurate();
  const [reason, setReason] = useState('');
  return (
    <FormModal
      opened={!!entry}
      onClose={onClose}
      title="Take out of the library"
      submitLabel="Take out"
      size="md"
      danger
      mutation={uncurate}
      onReset={() => setReason('')}
      onSubmit={(close) => {
        if (entry) uncurate.mutate({ id: entry.id, reason }, { onSuccess: close });
      }}
    >
      {entry ? (
        <>
          <Text size="sm">“{entry.title}” will no longer be shown in the library. The strategy stays in its group.</Text>
          <Textarea label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required maxLength={500} autosize minRows={2} />
        </>
      ) : null}
    </FormModal>
  );
}
