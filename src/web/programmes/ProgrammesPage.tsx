import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { useMyGroups } from '../groups/api';
import { GroupCards } from '../groups/GroupCards';
import { QueryView, usePageTitle } from '../layout/feedback';
import { ResponsiveTable, type Column } from '../layout/ResponsiveTable';
import { useProgrammes, type ProgrammeSummary } from './api';

function ProgrammeLink({ programme }: { programme: ProgrammeSummary }) {
  return (
    <Anchor component={Link} to={`/admin/programmes/${programme.id}`} fw={600}>
      {programme.name}
    </Anchor>
  );
}

const programmeColumns: Column<ProgrammeSummary>[] = [
  {
    key: 'programme',
    header: 'Programme',
    cell: (p) => (
      <>
        <ProgrammeLink programme={p} />
        <Text size="sm" c="dimmed" lineClamp={2}>
          {p.description}
        </Text>
      </>
    ),
    cardCell: (p) => <ProgrammeLink programme={p} />,
    card: 'title',
  },
  {
    key: 'sessions',
    header: 'Sessions',
    cell: (p) => p.sessionCount,
    // One line on a card: "12 sessions · agreement version 2".
    cardCell: (p) =>
      `${p.sessionCount} ${p.sessionCount === 1 ? 'session' : 'sessions'} · ${p.agreementVersion === null ? 'no agreement yet' : `agreement version ${p.agreementVersion}`}`,
    card: 'detail',
  },
  { key: 'agreement', header: 'Group agreement', cell: (p) => (p.agreementVersion === null ? 'None yet' : `Version ${p.agreementVersion}`), card: 'none' },
];

/** /admin/programmes: the service's programmes and groups, with the ways to make new ones. */
export function ProgrammesPage() {
  const me = useMe();
  usePageTitle('Programmes and groups', me.service.name);
  const programmes = useProgrammes();
  const groups = useMyGroups();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Programmes and groups</Title>
        <Text c="dimmed">A programme is the curriculum and group agreement; each group runs one programme with its own facilitators, schedule and place.</Text>
      </div>
      <ListSection headingId="programmes-heading" title="Programmes" newLabel="New programme" newTo="/admin/programmes/new">
        <QueryView query={programmes} loadingLabel="Loading programmes…">
          {({ programmes: list }) =>
            list.length === 0 ? <Text>No programmes yet.</Text> : <ResponsiveTable rows={list} columns={programmeColumns} rowKey={(p) => p.id} label="Programmes" withTableBorder />
          }
        </QueryView>
      </ListSection>
      <ListSection headingId="groups-heading" title="Groups" newLabel="New group" newTo="/groups/new">
        <QueryView query={groups} loadingLabel="Loading groups…">
          {({ groups: list }) => (list.length === 0 ? <Text>No groups yet.</Text> : <GroupCards groups={list} tab="settings" />)}
        </QueryView>
      </ListSection>
    </Stack>
  );
}

/** One of the page's two lists, headed by its title and the button that makes a new one. */
function ListSection({ headingId, title, newLabel, newTo, children }: { headingId: string; title: string; newLabel: string; newTo: string; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} id={headingId}>
          {title}
        </Title>
        <Button component={Link} to={newTo}>
          {newLabel}
        </Button>
      </Group>
      {children}
    </section>
  );
}
