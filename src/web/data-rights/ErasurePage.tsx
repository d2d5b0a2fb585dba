import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ERASURE_REASON_MAX, type ErasureLine, type ErasureReport } from '../../shared/schemas/data-rights';
import { useMe } from '../auth/session';
import { ErrorRegion, QueryView, SuccessRegion, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { ResponsiveTable, type Column } from '../layout/ResponsiveTable';
import { erasureDownloadUrl, useErasure, useEraseParticipant } from './api';

const outcomeLabel: Record<ErasureLine['outcome'], string> = { removed: 'Removed', anonymised: 'Anonymised', kept: 'Kept' };
const outcomeColor: Record<ErasureLine['outcome'], string> = { removed: 'red', anonymised: 'orange', kept: 'blue' };
const policyLabel = { keep: 'kept', erase: 'erased' } as const;

/** An administrator erases a participant's data: the dry run first, then the confirmed erasure and its report. */
export function ErasurePage() {
  const me = useMe();
  const { userId = '' } = useParams();
  usePageTitle('Erase personal data', me.service.name);
  const erasure = useErasure(userId);
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/admin/users" size="sm" underline="always">
          People
        </Anchor>
        <Title order={1} mt={4}>
          Erase personal data
        </Title>
      </div>
      <QueryView query={erasure} loadingLabel="Working out what an erasure would do…">
        {(report) => <ErasureView report={report} userId={userId} />}
      </QueryView>
    </Stack>
  );
}

function ErasureView({ report, userId }: { report: ErasureReport; userId: string }) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      <SuccessRegion message={done} />
      {report.dryRun ? (
        <Text>
          What erasing <strong>{report.displayName}</strong>’s data would do. Nothing has changed yet.
        </Text>
      ) : (
        <Card withBorder padding="lg" component="section" aria-labelledby="done-heading">
          <Title order={2} size="h3" id="done-heading" mb="xs">
            Erasure carried out
          </Title>
          <Text size="sm">
            {formatDateTime(report.processedAt)} by {report.processedBy}. Reason: {report.reason}
          </Text>
          <Group mt="sm">
            <Button component="a" href={erasureDownloadUrl(userId)} download variant="default" data-testid="download-erasure-report">
              Download the report (JSON)
            </Button>
          </Group>
        </Card>
      )}
      <Text size="sm" c="dimmed">
        Retention policy: clinical record {policyLabel[report.policy.clinicalRecord]}, questionnaire answers and scores {policyLabel[report.policy.measures]}, audit log always kept
        (set by HEARTH_RETENTION_CLINICAL_RECORD and HEARTH_RETENTION_MEASURES).
      </Text>
      <Group gap="md" aria-label="Totals">
        <Badge size="lg" variant="light" color="red">
          {report.totals.removed} removed
        </Badge>
        <Badge size="lg" variant="light" color="orange">
          {report.totals.anonymised} anonymised
        </Badge>
        <Badge size="lg" variant="light" color="blue">
          {report.totals.kept} kept
        </Badge>
      </Group>
      <LinesTable lines={report.lines} />
      {report.dryRun ? (
        <ConfirmErasure report={report} userId={userId} onDone={() => setDone('The data was erased. The report below is stored and can be downloaded again.')} />
      ) : null}
    </Stack>
  );
}

/** What the erasure does, one line per kind of data: on a phone card the kind and its rows, then the outcome and why. */
const lineColumns: Column<ErasureLine>[] = [
  { key: 'what', header: 'What', card: 'title', td: { fw: 600 }, cell: (l) => l.kind, cardCell: (l) => `${l.kind} (${l.count})` },
  { key: 'rows', header: 'Rows', card: 'none', cell: (l) => l.count },
  {
    key: 'outcome',
    header: 'Outcome',
    card: 'detail',
    width: 130,
    td: { style: { whiteSpace: 'nowrap' } },
    cell: (l) => (
      <Badge variant="light" color={outcomeColor[l.outcome]} style={{ overflow: 'visible' }}>
        {outcomeLabel[l.outcome]}
      </Badge>
    ),
  },
  { key: 'why', header: 'Why', card: 'detail', cell: (l) => <Text size="sm">{l.why}</Text>, cardCell: (l) => l.why },
];

function LinesTable({ lines }: { lines: readonly ErasureLine[] }) {
  return (
    <div data-testid="erasure-lines">
      <ResponsiveTable rows={lines} columns={lineColumns} rowKey={(l) => l.kind} label="What the erasure does" breakpoint="sm" minWidth={640} />
    </div>
  );
}

function ConfirmErasure({ report, userId, onDone }: { report: ErasureReport; userId: string; onDone: () => void }) {
  const erase = useEraseParticipant(userId);
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const ready = reason.trim().length > 0 && understood;
  return (
    <Card
      withBorder
      padding="lg"
      component="form"
      aria-labelledby="confirm-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) erase.mutate(reason.trim(), { onSuccess: onDone });
      }}
    >
      <Title order={2} size="h3" id="confirm-heading" mb="xs">
        Carry out the erasure
      </Title>
      <Stack gap="sm">
        <Alert color="red" variant="light" title="This cannot be undone">
          <Text size="sm">
            {report.displayName}’s account is disabled and de-identified, and everything marked “Removed” or “Anonymised” above is changed in one step. The report is stored.
          </Text>
        </Alert>
        <Textarea
          label="Reason"
          description="The request’s reference and how it was received, e.g. “Letter of 3 December, ref 42”."
          required
          maxLength={ERASURE_REASON_MAX}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Checkbox
          label={`I have checked this is ${report.displayName}’s request and understand it cannot be undone`}
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
        />
        <ErrorRegion error={erase.error} />
        <Group justify="flex-end">
          <Button type="submit" color="red.9" disabled={!ready} loading={erase.isPending}>
            Erase {report.displayName}’s data
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
