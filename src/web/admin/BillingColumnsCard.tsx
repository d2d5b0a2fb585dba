import { ActionIcon, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSyncedDraft } from '../layout/useSyncedDraft';
import type { BillingColumns } from '../../shared/schemas/billing';
import { ErrorRegion, QueryView, SuccessRegion } from '../layout/feedback';
import { useBillingColumns, useUpdateBillingColumns } from './api';

/** The service's choice of billing export columns and their order, for CSV and Excel alike. */
export function BillingColumnsCard() {
  const columns = useBillingColumns();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="billing-columns-heading">
      <Title order={2} size="h3" id="billing-columns-heading" mb="xs">
        Billing export columns
      </Title>
      <QueryView query={columns} loadingLabel="Loading the billing columns…">
        {(current) => <ColumnsEditor current={current} />}
      </QueryView>
    </Card>
  );
}

function ColumnsEditor({ current }: { current: BillingColumns }) {
  const update = useUpdateBillingColumns();
  // Start again from what the server holds whenever it changes (after a save).
  const [chosen, setChosen] = useSyncedDraft(current, (c): string[] => c.columns ?? c.available.filter((a) => !a.claim).map((a) => a.key));
  const [toAdd, setToAdd] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const header = new Map(current.available.map((c) => [c.key, c.header]));
  const claim = new Set(current.available.filter((c) => c.claim).map((c) => c.key));
  const remaining = current.available.filter((c) => !chosen.includes(c.key));

  function move(index: number, by: -1 | 1) {
    setChosen((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });
  }

  function save(columns: string[] | null) {
    setSaved(null);
    update.mutate(columns, { onSuccess: () => setSaved(columns ? 'Billing columns saved.' : 'The billing export uses the default columns again.') });
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {current.columns
          ? 'Billing exports (CSV and Excel) have these columns, in this order.'
          : 'Using the default: the standard columns below, then each claim column your service records (record number, date of birth, diagnosis code, professional identifier, place of service). Save a list to fix the columns and their order.'}
      </Text>
      <ol aria-label="Billing columns in order" style={{ margin: 0, paddingLeft: '1.5rem' }}>
        {chosen.map((key, i) => (
          <li key={key}>
            <Group gap="xs" wrap="nowrap" justify="space-between" py={2}>
              <Text size="sm">
                {header.get(key) ?? key}
                {claim.has(key) ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (claim field)
                  </Text>
                ) : null}
              </Text>
              <Group gap={4} wrap="nowrap">
                <ActionIcon variant="default" size="md" aria-label={`Move ${header.get(key)} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </ActionIcon>
                <ActionIcon variant="default" size="md" aria-label={`Move ${header.get(key)} down`} disabled={i === chosen.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  color="red"
                  size="md"
                  aria-label={`Remove ${header.get(key)}`}
                  disabled={chosen.length === 1}
                  onClick={() => setChosen((list) => list.filter((k) => k !== key))}
                >
                  ×
                </ActionIcon>
              </Group>
            </Group>
          </li>
        ))}
      </ol>
      {remaining.length > 0 ? (
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label="Add a column"
            value={toAdd}
            onChange={(e) => setToAdd(e.currentTarget.value)}
            data={[{ value: '', label: 'Choose a column…' }, ...remaining.map((c) => ({ value: c.key, label: c.claim ? `${c.header} (claim field)` : c.header }))]}
            maw={360}
            style={{ flex: 1 }}
          />
          <Button
            variant="light"
            disabled={!toAdd}
            onClick={() => {
              setChosen((list) => [...list, toAdd]);
              setToAdd('');
            }}
          >
            Add
          </Button>
        </Group>
      ) : null}
      <SuccessRegion message={saved} />
      <ErrorRegion error={update.error} title="The billing columns were not saved" />
      <Group gap="sm">
        <Button onClick={() => save(chosen)} loading={update.isPending}>
          Save columns
        </Button>
        {current.columns ? (
          <Button variant="default" onClick={() => save(null)} disabled={update.isPending}>
            Use the default
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
