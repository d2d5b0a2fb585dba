import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Note } from '../api/types';
import { formatDateTime } from '../layout/format';
import { textOf, type GroupSection, type NoteText, type Section } from './noteText';
import classes from '../layout/layout.module.css';

interface Props {
  theirs: Note;
  mine: NoteText;
  /** The version this person started from, to say who changed what. */
  base: NoteText;
  groupSections: GroupSection[];
  sections: Section[];
  saving: boolean;
  onKeepMine: () => void;
  onDiscardMine: () => void;
}

/** Which side changed a section since the version this person started from. */
function whoChanged(r: { theirs: string; mine: string; base: string }): string {
  const same = (a: string, b: string) => a.trim() === b.trim();
  if (same(r.mine, r.base)) return 'Only they changed this.';
  if (same(r.theirs, r.base)) return 'Only you changed this.';
  return 'You both changed this.';
}

/**
 * Someone saved (or signed) the note while this person was editing. Their own text stays in the
 * editor; here the two versions are shown side by side, section by section, where they differ.
 */
export function NoteConflict({ theirs, mine, base, groupSections, sections, saving, onKeepMine, onDiscardMine }: Props) {
  const their = textOf(theirs);
  const rows = [
    ...groupSections.map((s) => ({ key: s.key, label: s.label, theirs: their.group[s.key] ?? '', mine: mine.group[s.key] ?? '', base: base.group[s.key] ?? '' })),
    ...sections.map((s) => ({
      key: s.enrolmentId,
      label: `${s.pseudonym} (${s.displayName})`,
      theirs: their.members[s.enrolmentId] ?? '',
      mine: mine.members[s.enrolmentId] ?? '',
      base: base.members[s.enrolmentId] ?? '',
    })),
  ].filter((r) => r.theirs.trim() !== r.mine.trim());
  const signed = theirs.status === 'signed';

  return (
    <Alert color="orange" variant="light" role="alert" title={signed ? 'Someone signed this note while you were editing' : 'Someone else saved this note while you were editing'}>
      <Stack gap="sm">
        <Text size="sm">
          {theirs.updatedBy} {signed ? 'signed' : 'saved'} version {theirs.version} at {formatDateTime(theirs.updatedAt)}. Your text is still in the editor below; nothing you typed
          is lost.{' '}
          {signed
            ? 'A signed note cannot be changed: add anything of yours that is missing as an addendum once you have looked at theirs.'
            : 'Compare the two, then choose which to keep. You can also edit your text first.'}
        </Text>
        {rows.length === 0 ? (
          <Text size="sm">Their version has the same text as yours.</Text>
        ) : (
          rows.map((r) => (
            <Card key={r.key} withBorder padding="sm" bg="white" component="section" aria-label={`Differences in ${r.label}`}>
              <Group gap="xs" mb={6}>
                <Title order={3} size="h5">
                  {r.label}
                </Title>
                <Text size="xs" c="dimmed">
                  {whoChanged(r)}
                </Text>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <VersionText testId="their-version" label="Their version" text={r.theirs} />
                <VersionText testId="your-version" label="Your text" text={r.mine} />
              </SimpleGrid>
            </Card>
          ))
        )}
        <Group gap="sm">
          {signed ? null : (
            <Button onClick={onKeepMine} loading={saving}>
              Use my text on top of their version
            </Button>
          )}
          <Button variant="default" onClick={onDiscardMine} disabled={saving}>
            {signed ? 'Show the signed note' : 'Discard mine'}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** One side of a section's difference, "(empty)" when there is no text. */
function VersionText({ testId, label, text }: { testId: string; label: string; text: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <Text size="sm" className={classes.prewrap}>
        {text || '(empty)'}
      </Text>
    </div>
  );
}
