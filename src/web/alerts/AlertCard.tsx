import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../layout/format';
import { AlertContactLinks } from '../contacts/AlertContactLinks';
import { AlertItemContext, SPACE_ALERT_KINDS } from '../moderation/AlertItemContext';
import { AlertDeliveries } from './AlertDeliveries';
import type { ClinicalAlert } from './api';
import { alertTiming, formatMinutes, kindLabel, outcomeLabel, participantName, sourceCountLabel, tierColor, tierLabel } from './copy';
import classes from './alerts.module.css';

interface Props {
  alert: ClinicalAlert;
  targetMinutes: number;
  now: number;
  acknowledging: boolean;
  onAcknowledge: (alert: ClinicalAlert) => void;
  onResolve: (alert: ClinicalAlert) => void;
}

/** One alert in the queue: who, what, how long it has waited against the target, and what to do. */
export function AlertCard({ alert, targetMinutes, now, acknowledging, onAcknowledge, onResolve }: Props) {
  const timing = alertTiming(alert, targetMinutes, now);
  const name = participantName(alert);
  const headingId = `alert-${alert.id}`;
  const enrolmentId = alert.participant.enrolmentId;
  const folded = sourceCountLabel(alert);
  return (
    <Card
      component="li"
      withBorder
      padding="md"
      className={classes.alert}
      data-tier={alert.tier}
      data-overdue={timing.overdue && alert.status === 'open' ? true : undefined}
      aria-labelledby={headingId}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge color={tierColor[alert.tier]} variant={alert.tier === 'urgent' ? 'filled' : 'light'}>
            {tierLabel[alert.tier]}
          </Badge>
          {alert.status === 'acknowledged' ? (
            <Badge color="blue" variant="light">
              Acknowledged
            </Badge>
          ) : null}
          {alert.status === 'open' ? (
            <Badge color="gray" variant="light">
              Not acknowledged
            </Badge>
          ) : null}
          {alert.outcome ? (
            <Badge color={alert.outcome === 'false_positive' ? 'gray' : 'green'} variant="light">
              {outcomeLabel[alert.outcome]}
            </Badge>
          ) : null}
          {folded ? (
            <Badge color="gray" variant="outline" data-testid="alert-source-count">
              {folded}
            </Badge>
          ) : null}
          {alert.escalatedToMe ? (
            <Badge color="grape" variant="light">
              Escalated to you
            </Badge>
          ) : null}
        </Group>
        <div>
          <Title order={2} size="h4" id={headingId} className={classes.wrap}>
            {name}
          </Title>
          <Text size="sm" c="dimmed">
            {alert.groupName ?? 'No group'} · {kindLabel(alert.kind)}
          </Text>
        </div>
        <Text size="sm" className={classes.wrap}>
          {alert.summary}
          {folded ? ` Latest ${alert.kind === 'risk_language' ? 'message' : 'item'}: ${formatDateTime(alert.lastAt)}.` : ''}
        </Text>
        {alert.status !== 'resolved' ? <AlertContactLinks alertId={alert.id} name={name} /> : null}
        {SPACE_ALERT_KINDS.has(alert.kind) ? <AlertItemContext alertId={alert.id} name={alert.participant.pseudonym ?? name} count={alert.sourceCount} /> : null}
        {alert.status === 'resolved' ? (
          <Text size="sm">
            Raised {formatDateTime(alert.createdAt)} · resolved {formatDateTime(alert.resolvedAt)}
            {alert.responseMinutes !== null ? ` · acknowledged after ${formatMinutes(alert.responseMinutes)}` : ''}
          </Text>
        ) : (
          <Text size="sm" fw={timing.overdue ? 700 : 400} c={timing.overdue ? 'var(--mantine-color-error)' : undefined}>
            {timing.raised} · {timing.target}
            {alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ''}
          </Text>
        )}
        <AlertDeliveries alertId={alert.id} />
        <Group gap="sm" mt={4} wrap="wrap">
          {alert.status === 'open' ? (
            <Button size="sm" onClick={() => onAcknowledge(alert)} loading={acknowledging} aria-label={`Acknowledge the alert for ${name}`}>
              Acknowledge
            </Button>
          ) : null}
          {alert.status !== 'resolved' ? (
            <Button size="sm" variant={alert.status === 'open' ? 'default' : 'filled'} onClick={() => onResolve(alert)} aria-label={`Resolve the alert for ${name}`}>
              Resolve…
            </Button>
          ) : null}
          {enrolmentId ? (
            <>
              <Anchor component={Link} to={`/records/${enrolmentId}`} size="sm" aria-label={`Open record of ${name}`}>
                Open record
              </Anchor>
              <Anchor component={Link} to={`/records/${enrolmentId}/measures`} size="sm" aria-label={`Measures of ${name}`}>
                Measures
              </Anchor>
              <Anchor component={Link} to={`/records/${enrolmentId}/safety-plan`} size="sm" aria-label={`Safety plan of ${name}`}>
                Safety plan
              </Anchor>
            </>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
