import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMe } from '../auth/session';
import { useMyGroups } from '../groups/api';
import { QueryView, usePageTitle } from '../layout/feedback';
import { formatLocalDate } from '../layout/time';
import { outcomesCsvUrl, useInstruments, useOutcomes, type OutcomeFilters, type OutcomeReport } from './api';
import { SMALL_N, outcomeFigures } from './outcomeText';
import { ConnectionOutcomes } from './ConnectionOutcomes';

const initial: OutcomeFilters = { instrumentCode: 'phq-9', groupId: '', from: '', to: '' };

/** /reports/outcomes: does the programme work? Change, reliable change, recovery, effect size, attendance. */
export function OutcomesPage() {
  const me = useMe();
  usePageTitle('Outcomes', me.service.name);
  const [draft, setDraft] = useState<OutcomeFilters>(initial);
  const [applied, setApplied] = useState<OutcomeFilters>(initial);
  const report = useOutcomes(applied);
  const instruments = useInstruments();
  const groups = useMyGroups();
  const admin = me.user.role === 'admin';

  function apply(event: FormEvent) {
    event.preventDefault();
    setApplied(draft);
  }

  const set = (key: keyof OutcomeFilters) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const instrumentOptions = (instruments.data?.instruments ?? [{ code: 'phq-9', shortTitle: 'PHQ-9', kind: 'validated' as const }]).map((i) => ({
    value: i.code,
    label: i.kind === 'programme' ? `${i.shortTitle} (programme check-in)` : i.shortTitle,
  }));
  const groupOptions = [{ value: '', label: admin ? 'All groups' : 'All my groups' }, ...(groups.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>Outcomes</Title>
          <Text c="dimmed">
            How people's questionnaire scores changed between their first and latest answers{admin ? ', across the service' : ' in the groups you facilitate'}.
          </Text>
        </div>
        <Button component="a" href={outcomesCsvUrl(applied)} download variant="default">
          Download CSV
        </Button>
      </Group>
      <form role="search" aria-label="Filter the outcomes" onSubmit={apply}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <NativeSelect label="Questionnaire" data={instrumentOptions} value={draft.instrumentCode} onChange={set('instrumentCode')} />
            <NativeSelect label="Group" data={groupOptions} value={draft.groupId} onChange={set('groupId')} />
            <TextInput label="Answers from" description="First day" type="date" value={draft.from} onChange={set('from')} />
            <TextInput label="Answers until" description="Last day, included" type="date" value={draft.to} onChange={set('to')} />
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit">Show outcomes</Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft(initial);
                setApplied(initial);
              }}
            >
              Clear
            </Button>
          </Group>
        </Stack>
      </form>
      <QueryView query={report} loadingLabel="Working out the outcomes…">
        {(r) => <OutcomeFigures report={r} filters={applied} groupName={groupOptions.find((g) => g.value === applied.groupId)?.label ?? ''} />}
      </QueryView>
    </Stack>
  );
}

function OutcomeFigures({ report, filters, groupName }: { report: OutcomeReport; filters: OutcomeFilters; groupName: string }) {
  const figures = outcomeFigures(report);
  const period =
    filters.from && filters.to
      ? `, answers from ${formatLocalDate(filters.from)} to ${formatLocalDate(filters.to)}`
      : filters.from
        ? `, answers from ${formatLocalDate(filters.from)}`
        : filters.to
          ? `, answers until ${formatLocalDate(filters.to)}`
          : '';
  return (
    <section aria-labelledby="outcome-heading">
      <Title order={2} size="h3" id="outcome-heading" mb={4}>
        {report.instrument.title}: {groupName}
        {period}
      </Title>
      {report.started === 0 ? (
        <Card withBorder padding="lg" mt="sm">
          <Text>Nobody has answered this questionnaire yet{period ? ' in this period' : ''}.</Text>
        </Card>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            Small numbers: read these figures as a signal to discuss, not as proof.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="dl" m={0}>
            {figures.map((f) => (
              <Card key={f.label} withBorder padding="md">
                <Text component="dt" size="sm" fw={600}>
                  {f.label}
                </Text>
                <Text component="dd" m={0}>
                  {f.n >= SMALL_N ? (
                    <Text span fw={700} fz={28} lh={1.3} display="block">
                      {f.value}
                    </Text>
                  ) : (
                    // Fewer than ten people: no headline number, the n first.
                    <Text span size="sm" fw={600} display="block" data-testid="small-n">
                      {f.n === 0 ? 'No one to count' : `From ${f.n} ${f.n === 1 ? 'person' : 'people'}${f.value !== '—' ? `: ${f.value}` : ''}`}
                    </Text>
                  )}
                  <Text span size="sm" display="block" mt={4}>
                    {f.text}
                  </Text>
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </>
      )}
      <ConnectionOutcomes connection={report.connection} />
    </section>
  );
}
