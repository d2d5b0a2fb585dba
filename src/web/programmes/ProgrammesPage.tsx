import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { groupStatusColor, groupStatusLabel, useMyGroups } from '../groups/api';
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
      <section aria-labelledby="programmes-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} id="programmes-heading">
            Programmes
          </Title>
          <Button component={Link} to="/admin/programmes/new">
            New programme
          </Button>
        </Group>
        <QueryView query={programmes} loadingLabel="Loading programmes…">
          {({ programmes: list }) =>
            list.length === 0 ? <Text>No programmes yet.</Text> : <ResponsiveTable rows={list} columns={programmeColumns} rowKey={(p) => p.id} label="Programmes" withTableBorder />
          }
        </QueryView>
      </section>
      <section aria-labelledby="groups-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} id="groups-heading">
            Groups
          </Title>
          <Button component={Link} to="/groups/new">
            New group
          </Button>
        </Group>
        <QueryView query={groups} loadingLabel="Loading groups…">
          {({ groups: list }) =>
            list.length === 0 ? (
              <Text>No groups yet.</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {list.map((g) => (
                  <Card key={g.id} withBorder padding="md" component="li">
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <Anchor component={Link} to={`/groups/${g.id}?tab=settings`} fw={600}>
                        {g.name}
                      </Anchor>
                      <Badge color={groupStatusColor[g.status]} variant="light">
                        {groupStatusLabel[g.status]}
                      </Badge>
                    </Group>
                    <Text size="sm" c="dimmed">
                      {g.programmeName} · {g.memberCount} {g.memberCount === 1 ? 'member' : 'members'}
                    </Text>
                  </Card>
                ))}
              </SimpleGrid>
            )
          }
        </QueryView>
      </section>
    </Stack>
  );
}
