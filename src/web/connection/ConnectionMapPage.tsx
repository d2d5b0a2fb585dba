import { Anchor, Badge, Button, Card, Group, List, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { CONNECTION_WINDOWS, type ConnectionMap, type ConnectionWindow } from '../../shared/schemas/connection';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { useGroup } from '../groups/api';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { NotFoundPage } from '../layout/NotFoundPage';
import { useConnectionMap } from './api';
import { ConnectionGraph } from './ConnectionGraph';
import { describeKinds, percent, SUBGROUP_COLORS, WINDOW_LABEL } from './copy';

/** /groups/:groupId/connections: the group's connection map, for its facilitators. */
export function ConnectionMapPage() {
  const { groupId = '' } = useParams();
  const me = useMe();
  const group = useGroup(groupId);
  const [window, setWindow] = useState<ConnectionWindow>('4w');
  const [weeksBack, setWeeksBack] = useState(0);
  const map = useConnectionMap(groupId, window, weeksBack);
  usePageTitle(group.data ? `${group.data.name}: connection map` : 'Connection map', me.service.name);

  if (map.isPending) return <PageLoader label="Loading the connection map…" />;
  if (map.error instanceof ApiError && map.error.status === 404) return <NotFoundPage />;
  if (map.error || !map.data) return <ErrorRegion error={map.error} title="We couldn't load the connection map" />;
  const m = map.data;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/groups/${groupId}`} size="sm">
          {group.data ? `Back to ${group.data.name}` : 'Back to the group'}
        </Anchor>
        <Title order={1}>Connection map{group.data ? `: ${group.data.name}` : ''}</Title>
        <Text c="dimmed">
          Who reached whom: appreciations, “helped” marks, reactions, replies and feedback between people, under members’ pseudonyms. Only the group’s facilitators see this;
          opening it is logged.
        </Text>
      </div>
      <Card withBorder padding="md" component="section" aria-label="Window">
        <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
          <div>
            <Text size="sm" fw={600} id="window-label" mb={4}>
              Window
            </Text>
            <SegmentedControl
              aria-labelledby="window-label"
              value={window}
              onChange={(value) => {
                setWindow(value as ConnectionWindow);
                setWeeksBack(0);
              }}
              data={CONNECTION_WINDOWS.map((w) => ({ value: w, label: WINDOW_LABEL[w] }))}
            />
          </div>
          <Group gap="xs" align="center">
            <Button variant="default" size="sm" disabled={weeksBack >= m.weeksAvailable} onClick={() => setWeeksBack((w) => Math.min(m.weeksAvailable, w + 1))}>
              ← A week earlier
            </Button>
            <Button variant="default" size="sm" disabled={weeksBack === 0} onClick={() => setWeeksBack((w) => Math.max(0, w - 1))}>
              A week later →
            </Button>
          </Group>
        </Group>
        <Text size="sm" mt="sm" aria-live="polite">
          {formatDate(m.from)} to {formatDate(m.until)}
          {weeksBack === 0 ? ' (up to today)' : ` (${weeksBack} ${weeksBack === 1 ? 'week' : 'weeks'} ago)`}
          {map.isFetching ? ' · updating…' : ''}
        </Text>
      </Card>
      <Figures map={m} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder padding="md" component="section" aria-labelledby="graph-heading">
          <Title order={2} size="h3" id="graph-heading" mb="xs">
            The map
          </Title>
          <ConnectionGraph map={m} describedBy="graph-legend" />
          <List size="sm" spacing={2} id="graph-legend" mt="xs">
            <List.Item>Lines: acts between two people, thicker for more; solid with two arrows when both ways, dashed orange when one way only.</List.Item>
            <List.Item>A red dashed ring: a member no other member reached in this window.</List.Item>
            <List.Item>Colours: sub-groups, members joined by ties both ways. Squares: facilitators.</List.Item>
          </List>
        </Card>
        <Highlights map={m} />
      </SimpleGrid>
      <PeopleTable map={m} />
      <TiesTable map={m} />
      <SeriesTable map={m} />
    </Stack>
  );
}

/** A table wider or longer than the screen scrolls in a region keyboard users can focus and scroll too. */
function ScrollRegion({ label, maxHeight, children }: { label: string; maxHeight?: number; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be focusable for keyboard users to scroll it (WCAG 2.1.1; axe's scrollable-region-focusable)
    <div role="region" aria-label={label} tabIndex={0} style={{ overflow: 'auto', maxHeight }}>
      {children}
    </div>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Card>
  );
}

function Figures({ map }: { map: ConnectionMap }) {
  const f = map.figures;
  return (
    <section aria-labelledby="figures-heading">
      <Title order={2} size="h3" id="figures-heading" mb="xs">
        The peer network in this window
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label="Density" value={percent(f.density)} hint={`${f.ties} of ${f.members * (f.members - 1)} possible ties between ${f.members} members`} />
        <Figure label="Reciprocity" value={percent(f.reciprocity)} hint="ties that were returned" />
        <Figure label="Two or more mutual ties" value={percent(f.reciprocalShare)} hint="of members" />
        <Figure label="Not reached by a peer" value={String(f.isolates)} hint={f.isolates === 1 ? 'member' : 'members'} />
      </SimpleGrid>
    </section>
  );
}

function Highlights({ map }: { map: ConnectionMap }) {
  const label = new Map(map.nodes.map((n) => [n.id, n.label]));
  const isolates = map.nodes.filter((n) => n.isolate);
  const oneWay = map.edges.filter((e) => !e.reciprocal && map.nodes.find((n) => n.id === e.from)?.kind === 'member' && map.nodes.find((n) => n.id === e.to)?.kind === 'member');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="highlights-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="highlights-heading">
          What stands out
        </Title>
        <div>
          <Text size="sm" fw={600}>
            Not reached by another member
          </Text>
          {isolates.length === 0 ? (
            <Text size="sm">Everyone was reached by at least one peer.</Text>
          ) : (
            <List size="sm" spacing={2}>
              {isolates.map((n) => (
                <List.Item key={n.id}>
                  {n.label}
                  {n.received > 0 ? ` (reached by a facilitator only)` : ''}
                  {n.given > 0 ? ` — reached out ${n.given} ${n.given === 1 ? 'time' : 'times'} themselves` : ''}
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Text size="sm" fw={600}>
            One-way ties between members
          </Text>
          {oneWay.length === 0 ? (
            <Text size="sm">None: every tie was returned.</Text>
          ) : (
            <List size="sm" spacing={2}>
              {oneWay.map((e) => (
                <List.Item key={`${e.from}-${e.to}`}>
                  {label.get(e.from)} → {label.get(e.to)} ({describeKinds(e.kinds)})
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Text size="sm" fw={600}>
            Sub-groups
          </Text>
          {map.subgroups.length === 0 ? (
            <Text size="sm">No two members reached each other both ways yet.</Text>
          ) : (
            <List size="sm" spacing={4}>
              {map.subgroups.map((ids, i) => (
                <List.Item key={ids.join()}>
                  <Badge color={SUBGROUP_COLORS[i % SUBGROUP_COLORS.length]} variant="filled" size="sm" mr={6} style={{ textTransform: 'none' }}>
                    {i + 1}
                  </Badge>
                  {ids.map((id) => label.get(id)).join(', ')}
                </List.Item>
              ))}
            </List>
          )}
        </div>
      </Stack>
    </Card>
  );
}

function PeopleTable({ map }: { map: ConnectionMap }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="people-heading">
      <Title order={2} size="h3" id="people-heading" mb="xs">
        The same facts as a table: people
      </Title>
      <ScrollRegion label="People, scrollable">
        <Table striped miw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col">Acts received</Table.Th>
              <Table.Th scope="col">Acts given</Table.Th>
              <Table.Th scope="col">Members who reached them</Table.Th>
              <Table.Th scope="col">Mutual ties</Table.Th>
              <Table.Th scope="col">Sub-group</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {map.nodes.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Th scope="row" fw={600}>
                  {n.label}
                  {n.kind === 'facilitator' ? ' (facilitator)' : ''}
                  {n.isolate ? (
                    <Badge color="red" variant="light" size="sm" ml={6} style={{ textTransform: 'none' }}>
                      not reached by a peer
                    </Badge>
                  ) : null}
                </Table.Th>
                <Table.Td>{n.received}</Table.Td>
                <Table.Td>{n.given}</Table.Td>
                <Table.Td>{n.kind === 'member' ? n.peersIn : '–'}</Table.Td>
                <Table.Td>{n.kind === 'member' ? n.reciprocalTies : '–'}</Table.Td>
                <Table.Td>{n.subgroup === null ? '–' : n.subgroup + 1}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Card>
  );
}

function TiesTable({ map }: { map: ConnectionMap }) {
  const label = new Map(map.nodes.map((n) => [n.id, n.label]));
  const ties = [...map.edges].sort((a, b) => b.weight - a.weight || (label.get(a.from) ?? '').localeCompare(label.get(b.from) ?? ''));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="ties-heading">
      <Title order={2} size="h3" id="ties-heading" mb="xs">
        The same facts as a table: ties
      </Title>
      {ties.length === 0 ? (
        <Text size="sm">Nobody reached anyone in this window.</Text>
      ) : (
        <ScrollRegion label="Ties, scrollable">
          <Table striped miw={520}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">From</Table.Th>
                <Table.Th scope="col">To</Table.Th>
                <Table.Th scope="col">Acts</Table.Th>
                <Table.Th scope="col">Returned</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ties.map((e) => (
                <Table.Tr key={`${e.from}-${e.to}`}>
                  <Table.Td>{label.get(e.from)}</Table.Td>
                  <Table.Td>{label.get(e.to)}</Table.Td>
                  <Table.Td>{describeKinds(e.kinds)}</Table.Td>
                  <Table.Td>{e.reciprocal ? 'Yes' : 'No, one way'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Card>
  );
}

function SeriesTable({ map }: { map: ConnectionMap }) {
  const rows = [...map.series].reverse();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="series-heading">
      <Title order={2} size="h3" id="series-heading" mb={4}>
        Over time
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        The same figures for a window of {WINDOW_LABEL[map.window].toLowerCase()} ending each week of the group’s life, newest first.
      </Text>
      <ScrollRegion label="Figures week by week, scrollable" maxHeight={360}>
        <Table striped stickyHeader miw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Week ending</Table.Th>
              <Table.Th scope="col">Members</Table.Th>
              <Table.Th scope="col">Density</Table.Th>
              <Table.Th scope="col">Reciprocity</Table.Th>
              <Table.Th scope="col">Two or more mutual ties</Table.Th>
              <Table.Th scope="col">Not reached by a peer</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.weeksBack} aria-current={s.weeksBack === map.weeksBack ? 'true' : undefined} fw={s.weeksBack === map.weeksBack ? 700 : undefined}>
                <Table.Td>{formatDate(s.until)}</Table.Td>
                <Table.Td>{s.members}</Table.Td>
                <Table.Td>{percent(s.density)}</Table.Td>
                <Table.Td>{percent(s.reciprocity)}</Table.Td>
                <Table.Td>{percent(s.reciprocalShare)}</Table.Td>
                <Table.Td>{s.isolates}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Card>
  );
}
