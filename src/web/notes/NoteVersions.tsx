import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { NoteVersion } from '../api/types';
import { QueryView } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useNoteVersions } from './api';
import { ReadSection } from './ReadSection';
import { versionSections, type Section } from './noteText';
import classes from '../layout/layout.module.css';

const kindLabel: Record<NoteVersion['kind'], string> = { draft: 'Draft saved', signed: 'Signed', cosigned: 'Co-signed' };

/** Every saved version of the note, newest first; loaded when opened. */
export function NoteVersions({ sessionId, people }: { sessionId: string; people: Section[] }) {
  const [open, setOpen] = useState(false);
  const versions = useNoteVersions(sessionId, open);
  const name = (id: string) => people.find((p) => p.enrolmentId === id)?.pseudonym ?? 'A member';
  return (
    <details className={classes.moreFilters} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Version history</summary>
      {open ? (
        <QueryView query={versions} loadingLabel="Loading versions…">
          {({ versions: list }) =>
            list.length === 0 ? (
              <Text size="sm" mt="sm">
                No versions saved yet.
              </Text>
            ) : (
              <Stack gap="xs" mt="sm" component="ol" className={classes.plainList}>
                {list.map((v) => (
                  <li key={v.version}>
                    <details>
                      <summary>
                        <Text span size="sm">
                          Version {v.version}: {kindLabel[v.kind]} by {v.savedBy}, {formatDateTime(v.savedAt)}
                        </Text>
                      </summary>
                      <Stack gap={6} pl="md" py="xs">
                        {versionSections(v.content).map((s) => (
                          <ReadSection key={s.key} heading={s.label} body={s.body || '—'} order={4} size="h6" />
                        ))}
                        {v.content.members.map((m) => (
                          <ReadSection key={m.enrolmentId} heading={name(m.enrolmentId)} body={m.body} order={4} size="h6" />
                        ))}
                      </Stack>
                    </details>
                  </li>
                ))}
              </Stack>
            )
          }
        </QueryView>
      ) : null}
    </details>
  );
}
