import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorRegion } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useAlertContext, type AlertContext } from './api';
import { statusColor, statusLabel } from './copy';

/** Alert kinds raised from the group space, whose card can show the item behind them. */
export const SPACE_ALERT_KINDS = new Set(['risk_language', 'held_post', 'flagged_post']);

/**
 * In an alert card: the message behind a group-space alert, the rules that fired (risk alerts)
 * and the author's recent items in that group. Loaded only when opened (reading it is audited).
 */
export function AlertItemContext({ alertId, name, count = 1 }: { alertId: string; name: string; count?: number }) {
  const [open, setOpen] = useState(false);
  const context = useAlertContext(alertId, open);
  const regionId = `alert-context-${alertId}`;
  return (
    <Stack gap="xs">
      <Button size="xs" variant="subtle" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={regionId} style={{ alignSelf: 'flex-start' }} px={0}>
        {open
          ? count > 1
            ? 'Hide the messages'
            : 'Hide the message'
          : count > 1
            ? `Read the ${count} messages and ${name}’s recent posts`
            : `Read the message and ${name}’s recent posts`}
      </Button>
      {open ? (
        <div id={regionId}>
          <ErrorRegion error={context.error} title="We couldn't load the message" />
          {context.isPending ? <Text size="sm">Loading…</Text> : null}
          {context.data ? (
            <Stack gap="sm">
              <AlertMessages sources={context.data.sources} />
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

const TIER = { urgent: { label: 'Urgent', color: 'red' }, concern: { label: 'Concern', color: 'orange' } } as const;

/** Every message behind the alert, oldest first, each with its time, tier and the rules that fired. */
function AlertMessages({ sources }: { sources: AlertContext['sources'] }) {
  if (sources.length === 0) return <Text size="sm">The item is no longer available.</Text>;
  return (
    <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={sources.length > 1 ? `${sources.length} messages in this alert` : 'The message'}>
      {sources.map((source) => (
        <Card component="li" key={`${source.kind}:${source.id}`} withBorder padding="sm" bg="var(--mantine-color-gray-0)" data-testid="alert-source">
          <Group gap="xs" wrap="wrap">
            <Badge size="sm" color={TIER[source.tier].color} variant={source.tier === 'urgent' ? 'filled' : 'light'}>
              {TIER[source.tier].label}
            </Badge>
            <Text size="xs" c="dimmed">
              {source.kindLabel} · {formatDateTime(source.createdAt)}
              {source.status ? ` · ${statusLabel[source.status] ?? source.status}` : ''}
            </Text>
          </Group>
          {source.text !== null ? (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {source.text}
            </Text>
          ) : (
            <Text size="sm" mt={4}>
              This {source.kindLabel} is no longer available.
            </Text>
          )}
          {source.explanation.length ? (
            <>
              <Title order={3} size="h6" mt={6}>
                Why it was flagged
              </Title>
              <List size="sm" spacing={2}>
                {source.explanation.map((line, i) => (
                  <List.Item key={i}>{line}</List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Card>
      ))}
    </Stack>
  );
}
