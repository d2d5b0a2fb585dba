import { Anchor, Badge, Button, Card, Code, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMe } from '../auth/session';
import { ErrorRegion, QueryView, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useBulkExports, useCancelBulkExport, useStartBulkExport, type BulkExportJob } from './bulkExportApi';

const STATUS: Record<BulkExportJob['status'], { label: string; color: string }> = {
  queued: { label: 'Waiting to start', color: 'blue' },
  running: { label: 'Running', color: 'blue' },
  completed: { label: 'Ready', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  expired: { label: 'Files deleted', color: 'gray' },
};

const active = (job: BulkExportJob) => job.status === 'queued' || job.status === 'running';

/** /admin/fhir-export: the service-wide FHIR Bulk Data export — start it, follow it, download its files. */
export function FhirExportPage() {
  const me = useMe();
  usePageTitle('FHIR export', me.service.name);
  const exports = useBulkExports();
  const start = useStartBulkExport();
  const cancel = useCancelBulkExport();
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={1}>FHIR export</Title>
        <Text c="dimmed">Everything Hearth records about the service&rsquo;s participants, for the service&rsquo;s other systems (an EHR, a data warehouse).</Text>
      </div>
      <Card withBorder padding="lg" component="section" aria-labelledby="bulk-export-heading">
        <Stack gap="md">
          <Title order={2} size="h3" id="bulk-export-heading">
            Bulk FHIR export
          </Title>
          <Text size="sm">
            One file per resource type in FHIR R4 NDJSON: participants (Patient, with record numbers), groups (Group), attended sessions (Encounter), goals shared with clinicians
            (Goal, never private ones), group agreements accepted (Consent), open safety alerts (Flag) and questionnaires (QuestionnaireResponse and Observation). Clinical notes
            are not included. The export runs in the background; its files are kept for a limited time, then deleted.
          </Text>
          <QueryView query={exports} loadingLabel="Loading exports…">
            {(data) => {
              const latest = data.exports[0];
              const running = latest && active(latest);
              return (
                <Stack gap="md">
                  <Group gap="sm">
                    <Button onClick={() => start.mutate()} loading={start.isPending} disabled={Boolean(running)}>
                      Start export
                    </Button>
                    {running ? (
                      <Button variant="default" onClick={() => cancel.mutate(latest.id)} loading={cancel.isPending}>
                        Cancel export
                      </Button>
                    ) : null}
                  </Group>
                  <ErrorRegion error={start.error ?? cancel.error} />
                  {latest ? <LatestExport job={latest} onDelete={() => cancel.mutate(latest.id)} deleting={cancel.isPending} /> : <Text size="sm">No export yet.</Text>}
                  {data.exports.length > 1 ? <EarlierExports jobs={data.exports.slice(1)} /> : null}
                </Stack>
              );
            }}
          </QueryView>
        </Stack>
      </Card>
    </Stack>
  );
}

function LatestExport({ job, onDelete, deleting }: { job: BulkExportJob; onDelete: () => void; deleting: boolean }) {
  const files = job.output.filter((o) => o.type !== 'OperationOutcome');
  const problems = job.output.find((o) => o.type === 'OperationOutcome');
  return (
    <Stack gap="sm" aria-labelledby="latest-export-heading">
      <Group gap="sm">
        <Title order={3} size="h4" id="latest-export-heading">
          Latest export
        </Title>
        <Badge color={STATUS[job.status].color} variant="light">
          {STATUS[job.status].label}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        Started {formatDateTime(job.createdAt)}
        {job.finishedAt ? ` · ended ${formatDateTime(job.finishedAt)}` : ''}
        {job.status === 'completed' && job.expiresAt ? ` · files kept until ${formatDateTime(job.expiresAt)}` : ''}
      </Text>
      <Group gap="xs" role="status" aria-live="polite">
        {active(job) ? <Loader size="xs" aria-hidden /> : null}
        <Text size="sm">{job.error ?? job.progress}</Text>
      </Group>
      {files.length ? (
        <List spacing={4} size="sm" aria-label="Files">
          {files.map((file) => (
            <List.Item key={file.url}>
              <Anchor href={file.url} download={`${file.type}.ndjson`}>
                {file.type}.ndjson
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">
                {file.count.toLocaleString()} {file.count === 1 ? 'resource' : 'resources'}
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
      {problems ? (
        <Text size="sm">
          {problems.count.toLocaleString()} {problems.count === 1 ? 'record' : 'records'} could not be exported:{' '}
          <Anchor href={problems.url} download="OperationOutcome.ndjson">
            see the error file
          </Anchor>
          .
        </Text>
      ) : null}
      {job.status === 'completed' ? (
        <Group>
          <Button variant="default" size="xs" onClick={onDelete} loading={deleting}>
            Delete these files now
          </Button>
        </Group>
      ) : null}
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        For a FHIR Bulk Data client: status URL <Code>{job.statusUrl}</Code>
      </Text>
    </Stack>
  );
}

function EarlierExports({ jobs }: { jobs: BulkExportJob[] }) {
  // Three short columns fit a phone: no scrolling region (which would need to be focusable).
  return (
    <Table striped aria-label="Earlier exports">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Started</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Resources</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {jobs.map((job) => (
          <Table.Tr key={job.id}>
            <Table.Td>{formatDateTime(job.createdAt)}</Table.Td>
            <Table.Td>{STATUS[job.status].label}</Table.Td>
            <Table.Td>
              {job.output
                .filter((o) => o.type !== 'OperationOutcome')
                .reduce((n, o) => n + o.count, 0)
                .toLocaleString()}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
