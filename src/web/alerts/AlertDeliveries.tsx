import { Button, Collapse, List, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorRegion } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useAlertDeliveries, type AlertDelivery } from '../duty/api';

const channelLabel: Record<AlertDelivery['channel'], string> = { in_app: 'In Hearth', push: 'Push', email: 'E-mail', sms: 'Text message' };
const reasonLabel: Record<NonNullable<AlertDelivery['reason']>, string> = {
  facilitator: 'facilitator',
  duty: 'on duty',
  fallback: 'fallback',
  escalation: 'next on the rota',
};

function outcome(d: AlertDelivery): string {
  if (d.status === 'sent') return `sent${d.latencyMs !== null ? ` in ${d.latencyMs < 1000 ? `${d.latencyMs} ms` : `${(d.latencyMs / 1000).toFixed(1)} s`}` : ''}`;
  if (d.status === 'failed') return `failed: ${d.error ?? 'unknown error'}`;
  return 'waiting to be sent';
}

/** "Who was told": every attempt to reach someone about this alert, step by step, with its outcome. */
export function AlertDeliveries({ alertId }: { alertId: string }) {
  const [open, setOpen] = useState(false);
  const query = useAlertDeliveries(alertId, open);
  const regionId = `deliveries-${alertId}`;
  return (
    <div>
      <Button variant="subtle" size="compact-sm" px={0} onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={regionId}>
        {open ? 'Hide who was told' : 'Who was told'}
      </Button>
      <Collapse expanded={open} id={regionId}>
        {query.isPending && open ? <Loader size="xs" role="status" aria-label="Loading deliveries" /> : null}
        {query.error ? <ErrorRegion error={query.error} title="We couldn't load the deliveries" /> : null}
        {query.data ? (
          query.data.deliveries.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nobody was sent this alert (it was raised before delivery existed).
            </Text>
          ) : (
            <List size="sm" spacing={2} listStyleType="none" ml={0} pl={0}>
              {query.data.deliveries.map((d) => (
                <List.Item key={d.id}>
                  <Text span size="sm" fw={500}>
                    {d.step > 0 ? `Escalation ${d.step} · ` : ''}
                    {d.recipient.displayName}
                  </Text>
                  <Text span size="sm" c="dimmed">
                    {d.reason ? ` (${reasonLabel[d.reason]})` : ''} · {channelLabel[d.channel]} · {formatDateTime(d.attemptedAt ?? d.queuedAt)} ·{' '}
                  </Text>
                  <Text span size="sm" c={d.status === 'failed' ? 'var(--mantine-color-error)' : undefined}>
                    {outcome(d)}
                  </Text>
                </List.Item>
              ))}
            </List>
          )
        ) : null}
      </Collapse>
    </div>
  );
}
