import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { toQuery } from '../api/client';
import type { GroupDetail } from '../api/types';
import { zoneLabel } from '../layout/time';

/** CSV downloads for a date range: attendance (facilitators) and billing lines. */
export function ExportsPanel({ group, facilitator }: { group: GroupDetail; facilitator: boolean }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const base = `/api/groups/${encodeURIComponent(group.id)}`;
  const backwards = Boolean(from && to && from > to);
  const period = toQuery({ from, to });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="exports-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="exports-heading">
          Downloads
        </Title>
        <Text size="sm">Spreadsheet files (CSV) of held sessions. Choose a period, or leave the dates empty for everything. Dates are days in {zoneLabel(group.timezone)}.</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" maw={520}>
          <TextInput type="date" label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="date" label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={backwards ? 'The end date is before the start date.' : undefined} />
        </SimpleGrid>
        {backwards ? (
          <Text size="sm">Fix the dates to download.</Text>
        ) : (
          <Group gap="sm">
            {facilitator ? (
              <>
                <Button component="a" href={`${base}/attendance.csv${period}`} variant="light" download>
                  Download attendance (CSV)
                </Button>
                <Button component="a" href={`${base}/attendance.xlsx${period}`} variant="light" download>
                  Download attendance (Excel)
                </Button>
              </>
            ) : null}
            <Button component="a" href={`${base}/billing.csv${period}`} variant="light" download>
              Download billing lines (CSV)
            </Button>
            <Button component="a" href={`${base}/billing.xlsx${period}`} variant="light" download>
              Download billing lines (Excel)
            </Button>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          Attendance: one row per member per session. Billing: one line per attending member per session
          {group.billingCode ? `, with billing code ${group.billingCode}` : ''}.
        </Text>
      </Stack>
    </Card>
  );
}
