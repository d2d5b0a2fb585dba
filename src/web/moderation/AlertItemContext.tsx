import { Badge, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorRegion } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useAlertContext } from './api';
import { statusColor, statusLabel } from './copy';

/** Alert kinds raised from the group space, whose card can show the item behind them. */
export const SPACE_ALERT_KINDS = new Set(['risk_language', 'held_post', 'flagged_post']);

/**
 * In an alert card: the message behind a group-space alert, the rules that fired (risk alerts)
 * and the author's recent items in that group. Loaded only when opened (reading it is audited).
 */
export function AlertItemContext({ alertId, name }: { alertId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const context = useAlertContext(alertId, open);
  const regionId = `alert-context-${alertId}`;
  return (
    <Stack gap="xs">
      <Button size="xs" variant="subtle" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={regionId} style={{ alignSelf: 'flex-start' }} px={0}>
        {open ? 'Hide the message' : `Read the message and ${name}’s recent posts`}
      </Button>
      {open ? (
        <div id={regionId}>
          <ErrorRegion error={context.error} title="We couldn't load the message" />
          {context.isPending ? <Text size="sm">Loading…</Text> : null}
          {context.data ? (
            <Stack gap="sm">
              {context.data.item ? (
                <Card withBorder padding="sm" bg="var(--mantine-color-gray-0)">
                  <Text size="xs" c="dimmed">
                    {context.data.item.kindLabel} · {formatDateTime(context.data.item.createdAt)} · {statusLabel[context.data.item.status] ?? context.data.item.status}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {context.data.item.text}
                  </Text>
                </Card>
              ) : (
                <Text size="sm">The item is no longer available.</Text>
              )}
              {context.data.risk ? (
                <div>
                  <Title order={3} size="h6">
                    Why it was flagged
                  </Title>
                  <List size="sm" spacing={2}>
                    {context.data.risk.explanation.map((line, i) => (
                      <List.Item key={i}>{line}</List.Item>
                    ))}
                  </List>
                </div>
              ) : null}
              <Text size="sm">{context.data.hasSafetyPlan ? `${name} has a safety plan.` : `${name} has no safety plan yet.`}</Text>
              <div>
                <Title order={3} size="h6">
                  Recent posts in the group
                </Title>
                {context.data.history.length === 0 ? <Text size="sm">No other posts.</Text> : null}
                <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
                  {context.data.history.map((h) => (
                    <li key={h.id}>
                      <Text size="xs" c="dimmed">
                        {h.kindLabel} · {formatDateTime(h.createdAt)}{' '}
                        {h.status !== 'published' ? (
                          <Badge size="xs" color={statusColor[h.status] ?? 'gray'} variant="light">
                            {statusLabel[h.status] ?? h.status}
                          </Badge>
                        ) : null}
                      </Text>
                      <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
                        {h.text}
                      </Text>
                    </li>
                  ))}
                </Stack>
              </div>
            </Stack>
          ) : null}
        </div>
      ) : null}
    </Stack>
  );
}
