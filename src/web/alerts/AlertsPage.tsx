import { Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../auth/session';
import { ErrorRegion, QueryView, SuccessRegion, usePageTitle } from '../layout/feedback';
import { useAcknowledgeAlert, useAlerts, useAlertStats, type AlertFilter, type AlertStats, type ClinicalAlert } from './api';
import { AlertCard } from './AlertCard';
import { formatMinutes, participantName } from './copy';
import { ResolveAlertModal } from './ResolveAlertModal';
import { useNow } from '../layout/useNow';
import classes from '../layout/layout.module.css';

/** "Median time to acknowledge 12 min · 86% within target · false positives 1 of 7 (14%)". */
export function statsSentence(stats: AlertStats): string {
  if (stats.total === 0) return 'No alerts have been raised in your groups yet.';
  const resolved = Object.values(stats.byOutcome).reduce((a, b) => a + (b ?? 0), 0);
  const falsePositives = stats.byOutcome.false_positive ?? 0;
  const parts = [
    stats.medianResponseMinutes === null ? 'No alert acknowledged yet' : `Median time to acknowledge: ${formatMinutes(stats.medianResponseMinutes)}`,
    stats.withinTarget === null ? null : `${Math.round(stats.withinTarget * 100)}% acknowledged within target`,
    resolved === 0 ? 'none resolved yet' : `false positives: ${falsePositives} of ${resolved} resolved (${Math.round((falsePositives / resolved) * 100)}%)`,
  ];
  const risk = stats.byKind?.risk_language;
  const riskPart = risk && risk.falsePositiveRate !== null ? ` Risk language: ${Math.round(risk.falsePositiveRate * 100)}% false positives of ${risk.resolved} resolved.` : '';
  return `${parts.filter(Boolean).join(' · ')}. ${stats.total} ${stats.total === 1 ? 'alert' : 'alerts'} in all.${riskPart}`;
}

/** /alerts: the clinician's one queue. Urgent first, overdue highlighted, acknowledge and resolve in place. */
export function AlertsPage() {
  const me = useMe();
  usePageTitle('Alerts', me.service.name);
  const [filter, setFilter] = useState<AlertFilter>('active');
  const alerts = useAlerts(filter);
  const stats = useAlertStats();
  const acknowledge = useAcknowledgeAlert();
  const [resolving, setResolving] = useState<ClinicalAlert | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const now = useNow();
  const targets = alerts.data?.targetMinutes;

  function onAcknowledge(alert: ClinicalAlert) {
    setDone(null);
    acknowledge.mutate(alert.id, { onSuccess: () => setDone(`You acknowledged the alert for ${participantName(alert)}.`) });
  }

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Alerts</Title>
        <Text c="dimmed">
          Urgent alerts first, then the one due soonest.
          {targets ? ` Acknowledge urgent alerts within ${formatMinutes(targets.urgent)} and concerns within ${formatMinutes(targets.concern)}.` : ''}
        </Text>
      </div>
      {stats.data ? (
        <Card withBorder padding="sm" component="section" aria-label="Response figures">
          <Text size="sm">{statsSentence(stats.data)}</Text>
        </Card>
      ) : null}
      <Group justify="space-between" align="center" gap="sm">
        <SegmentedControl
          aria-label="Which alerts to show"
          value={filter}
          onChange={(v) => setFilter(v as AlertFilter)}
          data={[
            { value: 'active', label: 'Active' },
            { value: 'resolved', label: 'Resolved' },
          ]}
        />
      </Group>
      <SuccessRegion message={done} />
      <ErrorRegion error={acknowledge.error} title="The alert was not acknowledged" />
      <QueryView query={alerts} loadingLabel="Loading alerts…">
        {({ alerts: list, targetMinutes }) =>
          list.length === 0 ? (
            <Card withBorder padding="lg">
              <Text>{filter === 'resolved' ? 'No resolved alerts yet.' : 'Nothing needs your attention now.'}</Text>
            </Card>
          ) : (
            <Stack gap="sm" component="ul" className={classes.plainList} aria-label={filter === 'resolved' ? 'Resolved alerts' : 'Active alerts'}>
              {list.map((alert) => (
                <AlertCard
                  key={alert.id}
                  alert={alert}
                  targetMinutes={targetMinutes[alert.tier]}
                  now={now}
                  acknowledging={acknowledge.isPending && acknowledge.variables === alert.id}
                  onAcknowledge={onAcknowledge}
                  onResolve={(a) => {
                    setDone(null);
                    setResolving(a);
                  }}
                />
              ))}
            </Stack>
          )
        }
      </QueryView>
      <ResolveAlertModal alert={resolving} onClose={() => setResolving(null)} onDone={setDone} />
    </Stack>
  );
}
