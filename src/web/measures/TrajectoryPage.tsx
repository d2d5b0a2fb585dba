import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { NotFoundPage } from '../layout/NotFoundPage';
import { useRecord } from '../records/api';
import { useTrajectories, type Trajectory } from './api';
import { bandOf, changeColor, changeSentence, formatScore, signed } from './copy';
import { TrajectoryChart } from './TrajectoryChart';

/** /records/:enrolmentId/measures: a member's questionnaire scores over time, as charts and tables. */
export function TrajectoryPage() {
  const { enrolmentId = '' } = useParams();
  const me = useMe();
  const trajectories = useTrajectories(enrolmentId);
  const record = useRecord(enrolmentId);
  const e = record.data?.enrolment;
  const who = e ? `${e.pseudonym} (${record.data?.person.displayName})` : null;
  usePageTitle(e ? `${e.pseudonym}: measures` : 'Measures', me.service.name);

  if (trajectories.isPending) return <PageLoader label="Loading the measures…" />;
  if (trajectories.error instanceof ApiError && trajectories.error.status === 404) return <NotFoundPage />;
  if (trajectories.error || !trajectories.data) return <ErrorRegion error={trajectories.error} title="We couldn't load the measures" />;
  const list = trajectories.data.instruments;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/records/${enrolmentId}`} size="sm">
          {who ? `Record of ${who}` : 'Back to the record'}
        </Anchor>
        <Title order={1}>Measures{e ? `: ${e.pseudonym}` : ''}</Title>
        <Text c="dimmed">Questionnaire scores over time{e ? ` for ${who}, ${e.groupName}` : ''}. Opening this page is logged.</Text>
      </div>
      {list.length === 0 ? (
        <Card withBorder padding="lg">
          <Text>No questionnaires have been answered yet.</Text>
        </Card>
      ) : (
        list.map((t) => <InstrumentTrajectory key={t.code} trajectory={t} who={e?.pseudonym ?? null} />)
      )}
    </Stack>
  );
}

function InstrumentTrajectory({ trajectory: t, who }: { trajectory: Trajectory; who: string | null }) {
  const headingId = `trajectory-${t.code}`;
  const first = t.points[0];
  const last = t.points.at(-1);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Title order={2} size="h3" id={headingId}>
              {t.title}
            </Title>
            <Text size="sm" c="dimmed">
              {t.points.length} {t.points.length === 1 ? 'answer' : 'answers'} · scores {formatScore(t.range.min)}–{formatScore(t.range.max)}
              {t.higherIsBetter ? ' · higher is better' : ' · lower is better'}
            </Text>
          </div>
          {last ? (
            <Text size="sm" ta="right">
              Latest: <strong>{formatScore(last.total)}</strong>
              {last.band ? ` (${last.band})` : ''} on {formatDate(last.submittedAt)}
            </Text>
          ) : null}
        </Group>
        {t.change ? (
          <Group gap="xs" wrap="wrap">
            <Badge color={changeColor[t.change.category]} variant="light" size="lg" style={{ textTransform: 'none' }}>
              {changeSentence(t.change)}
            </Badge>
            {t.change.recovered ? (
              <Badge color="green" variant="light" size="lg" style={{ textTransform: 'none' }}>
                Recovered: below caseness now
              </Badge>
            ) : null}
          </Group>
        ) : (
          <Text size="sm">One answer so far: change is shown from the second.</Text>
        )}
        <figure style={{ margin: 0 }}>
          <TrajectoryChart trajectory={t} />
          <Text component="figcaption" size="xs" c="dimmed" mt={4}>
            {[
              t.bands.length > 0 ? 'Shaded bands: severity' : null,
              t.caseness !== null ? `dashed line: caseness (${formatScore(t.caseness)})` : null,
              t.change?.threshold ? `ringed points: a reliable change from the first score (${formatScore(t.change.threshold)} points or more)` : null,
            ]
              .filter(Boolean)
              .join('; ') || 'Scores over time.'}
          </Text>
        </figure>
        <TrajectoryTable trajectory={t} who={who} firstTotal={first?.total ?? null} />
      </Stack>
    </Card>
  );
}

/** The chart's data as a table: what screen readers use, and anyone who prefers exact numbers. */
function TrajectoryTable({ trajectory: t, who, firstTotal }: { trajectory: Trajectory; who: string | null; firstTotal: number | null }) {
  const threshold = t.change?.threshold ?? null;
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table striped withTableBorder verticalSpacing="xs" bg="white" captionSide="top">
        <Table.Caption>
          {t.title} scores{who ? ` for ${who}` : ''}, oldest first
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Score</Table.Th>
            {t.bands.length > 0 ? <Table.Th scope="col">Severity</Table.Th> : null}
            <Table.Th scope="col">Change from first</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {t.points.map((p, i) => {
            const diff = firstTotal === null || i === 0 ? null : p.total - firstTotal;
            const reliable = diff !== null && threshold !== null && diff !== 0 && Math.abs(diff) >= threshold;
            return (
              <Table.Tr key={p.responseId}>
                <Table.Td>{formatDate(p.submittedAt)}</Table.Td>
                <Table.Td fw={600}>{formatScore(p.total)}</Table.Td>
                {t.bands.length > 0 ? <Table.Td>{p.band ?? bandOf(t.bands, p.total) ?? '—'}</Table.Td> : null}
                <Table.Td>
                  {diff === null ? 'First answer' : signed(diff)}
                  {reliable ? ' (reliable change)' : ''}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
