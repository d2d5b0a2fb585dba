import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { groupStatusColor, groupStatusLabel, useMyGroups } from '../groups/api';
import { QueryView, usePageTitle } from '../layout/feedback';
import { useProgrammes } from './api';

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
            list.length === 0 ? (
              <Text>No programmes yet.</Text>
            ) : (
              <>
                <Table visibleFrom="md" striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Programme</Table.Th>
                      <Table.Th scope="col">Sessions</Table.Th>
                      <Table.Th scope="col">Group agreement</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/admin/programmes/${p.id}`} fw={600}>
                            {p.name}
                          </Anchor>
                          <Text size="sm" c="dimmed" lineClamp={2}>
                            {p.description}
                          </Text>
                        </Table.Td>
                        <Table.Td>{p.sessionCount}</Table.Td>
                        <Table.Td>{p.agreementVersion === null ? 'None yet' : `Version ${p.agreementVersion}`}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Stack hiddenFrom="md" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {list.map((p) => (
                    <Card key={p.id} withBorder padding="md" component="li">
                      <Anchor component={Link} to={`/admin/programmes/${p.id}`} fw={600}>
                        {p.name}
                      </Anchor>
                      <Text size="sm">
                        {p.sessionCount} {p.sessionCount === 1 ? 'session' : 'sessions'} ·{' '}
                        {p.agreementVersion === null ? 'no agreement yet' : `agreement version ${p.agreementVersion}`}
                      </Text>
                    </Card>
                  ))}
                </Stack>
              </>
            )
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
