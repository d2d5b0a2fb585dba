import { Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { OutcomeReport } from './api';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const num = (v: number | null) => (v === null ? '—' : String(v));

/** The outcomes report's connection outcomes: loneliness change; for one group, its network at start vs end. */
export function ConnectionOutcomes({ connection }: { connection: OutcomeReport['connection'] }) {
  const { loneliness: l, network: n } = connection;
  return (
    <section aria-labelledby="connection-outcomes-heading">
      <Title order={2} size="h3" id="connection-outcomes-heading" mt="lg" mb={4}>
        Connection
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Text fw={600}>Loneliness (ONS question)</Text>
          <Text size="sm">
            {l.completed === 0
              ? `${l.started} started; nobody has answered twice yet.`
              : `${l.completed} of ${l.started} answered at least twice. Average change ${num(l.meanChange)} on a 1–5 scale (lower is less lonely); ${pct(l.shareImproved)} felt lonely less often at their latest answer.`}
          </Text>
        </Card>
        {n ? (
          <Card withBorder padding="md">
            <Text fw={600}>The group’s peer network: first four weeks against the last four</Text>
            <Table mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Figure</Table.Th>
                  <Table.Th scope="col">Start</Table.Th>
                  <Table.Th scope="col">End</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(
                  [
                    ['Density', pct(n.start.density), pct(n.end.density)],
                    ['Reciprocity', pct(n.start.reciprocity), pct(n.end.reciprocity)],
                    ['Two or more mutual ties', pct(n.start.reciprocalShare), pct(n.end.reciprocalShare)],
                    ['Not reached by a peer', String(n.start.isolates), String(n.end.isolates)],
                  ] as const
                ).map(([label, start, end]) => (
                  <Table.Tr key={label}>
                    <Table.Th scope="row">{label}</Table.Th>
                    <Table.Td>{start}</Table.Td>
                    <Table.Td>{end}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" mt="xs">
              Across {n.members} members with two PHQ-9 answers, mutual ties at the end and PHQ-9 improvement: r = {num(n.tiesVsPhq9Improvement)}; mutual ties and attendance: r ={' '}
              {num(n.tiesVsAttendance)}. A correlation in one group is a prompt for discussion, not a cause.
            </Text>
          </Card>
        ) : (
          <Card withBorder padding="md">
            <Text size="sm">Choose one group to compare its peer network at the start and at the end.</Text>
          </Card>
        )}
      </SimpleGrid>
    </section>
  );
}
