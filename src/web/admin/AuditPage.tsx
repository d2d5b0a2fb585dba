import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { auditExportUrl, emptyAuditFilters, useAuditEvents, type AuditFilters } from './auditApi';
import { AuditList } from './AuditList';
import classes from '../layout/layout.module.css';

/** The audit log: who did what, when, with what outcome. Filter, page back in time, export. */
export function AuditPage() {
  const me = useMe();
  usePageTitle('Audit log', me.service.name);
  const [draft, setDraft] = useState<AuditFilters>(emptyAuditFilters);
  const [applied, setApplied] = useState<AuditFilters>(emptyAuditFilters);
  const events = useAuditEvents(applied);

  const field = (key: keyof AuditFilters) => ({
    value: draft[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [key]: value }));
    },
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    setApplied(draft);
  }

  function clear() {
    setDraft(emptyAuditFilters);
    setApplied(emptyAuditFilters);
  }

  const items = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Audit log</Title>
          <Text c="dimmed">Every sign-in, change and read of clinical information, newest first.</Text>
        </div>
        <Button component="a" href={auditExportUrl(applied)} download variant="default">
          Export as CSV
        </Button>
      </Group>

      <form role="search" aria-label="Filter the audit log" onSubmit={apply}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <TextInput label="Action" description="For example auth.login" {...field('action')} />
            <NativeSelect
              label="Outcome"
              description="Success, failure or denied"
              {...field('outcome')}
              data={[
                { value: '', label: 'Any outcome' },
                { value: 'success', label: 'Success' },
                { value: 'failure', label: 'Failure' },
                { value: 'denied', label: 'Denied' },
              ]}
            />
            <TextInput label="From" description="First day" type="date" {...field('fromDate')} />
            <TextInput label="To" description="Last day" type="date" {...field('toDate')} />
          </SimpleGrid>
          <details open={!!(draft.resourceType || draft.resourceId || draft.actorUserId)} className={classes.moreFilters}>
            <summary>More filters</summary>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mt="xs">
              <TextInput label="Resource type" description="For example user, group" {...field('resourceType')} />
              <TextInput label="Resource ID" description="Exact ID" {...field('resourceId')} />
              <TextInput label="Person (user ID)" description="Who did it" {...field('actorUserId')} />
            </SimpleGrid>
          </details>
          <Group gap="sm">
            <Button type="submit">Apply filters</Button>
            <Button variant="default" onClick={clear}>
              Clear
            </Button>
          </Group>
        </Stack>
      </form>

      {events.isPending ? (
        <PageLoader label="Loading the audit log…" />
      ) : events.error && items.length === 0 ? (
        <ErrorRegion error={events.error} title="We couldn't load the audit log" />
      ) : (
        <Stack gap="md">
          <Text size="sm" aria-live="polite">
            Showing {items.length} {items.length === 1 ? 'event' : 'events'}
            {events.hasNextPage ? ' (more available)' : ''}
          </Text>
          <AuditList items={items} />
          <ErrorRegion error={items.length > 0 ? events.error : null} />
          {events.hasNextPage ? (
            <div>
              <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                Load more
              </Button>
            </div>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
