import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReminderText } from '../../shared/schemas/duty';
import { useMe } from '../auth/session';
import { useSmsOutbox } from '../duty/api';
import { QueryView, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';

const statusColor: Record<ReminderText['status'], string> = { queued: 'blue', sending: 'blue', sent: 'green', failed: 'red.8', cancelled: 'gray' };
const statusLabel: Record<ReminderText['status'], string> = { queued: 'Waiting to retry', sending: 'Sending', sent: 'Sent', failed: 'Failed', cancelled: 'Cancelled' };

/**
 * /admin/sms: alert text messages kept in the outbox when no SMS gateway is configured, and the
 * members' session reminder texts sent through the gateway — retried with growing waits, then
 * failed or cancelled, each with its attempts and the gateway's last answer.
 */
export function SmsOutboxPage() {
  const me = useMe();
  usePageTitle('Text messages', me.service.name);
  const outbox = useSmsOutbox();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Text messages</Title>
        <Text c="dimmed">Alert text messages to clinicians say how many alerts and in which group, never who or what; members' reminders give only the time.</Text>
      </div>
      <QueryView query={outbox} loadingLabel="Loading text messages…">
        {(data) => (
          <Stack gap="sm">
            {data.gatewayConfigured ? (
              <Alert color="blue" variant="light" title="An SMS gateway is set up">
                Text messages go to the gateway (HEARTH_SMS_HTTP_URL); each alert shows whether its message was accepted.
              </Alert>
            ) : (
              <Alert color="blue" variant="light" title="No SMS gateway is set up">
                Hearth keeps text messages here instead of sending them. Set HEARTH_SMS_HTTP_URL to send them.
              </Alert>
            )}
            {data.gatewayConfigured || data.reminderTexts.length > 0 ? (
              <section aria-labelledby="reminder-texts-heading">
                <Stack gap="sm">
                  <Title order={2} size="h3" id="reminder-texts-heading">
                    Session reminder texts
                  </Title>
                  <Text size="sm" c="dimmed">
                    Members who chose reminders by text. A text the gateway refuses is tried again after a wait that doubles each time (five attempts, never after the session has
                    begun), then marked failed.
                  </Text>
                  {data.reminderTexts.length === 0 ? <Text>No reminder texts yet.</Text> : null}
                  {data.reminderTexts.map((r) => (
                    <Card key={r.id} withBorder padding="md" component="article" aria-label={`Reminder to ${r.to}: ${statusLabel[r.status]}`} data-testid="reminder-text">
                      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                        <Text size="sm" c="dimmed">
                          To {r.to} · {formatDateTime(r.createdAt)}
                          {r.sentAt ? ` · sent ${formatDateTime(r.sentAt)}` : ''}
                          {r.attempts > 0 ? ` · ${r.attempts} ${r.attempts === 1 ? 'attempt' : 'attempts'}` : ''}
                        </Text>
                        <Badge color={statusColor[r.status]} variant="light">
                          {statusLabel[r.status]}
                        </Badge>
                      </Group>
                      <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                        {r.text}
                      </Text>
                      {r.lastError ? (
                        <Text size="sm" c={r.status === 'cancelled' ? 'dimmed' : 'red.8'} mt="xs">
                          {r.status === 'cancelled' ? r.lastError : `Last answer: ${r.lastError}`}
                          {r.nextAttemptAt ? ` Next attempt ${formatDateTime(r.nextAttemptAt)}.` : ''}
                        </Text>
                      ) : null}
                    </Card>
                  ))}
                </Stack>
              </section>
            ) : null}
            {data.gatewayConfigured ? null : (
              <Title order={2} size="h3">
                Alert texts kept here
              </Title>
            )}
            {data.messages.length === 0 && !data.gatewayConfigured ? <Text>No text messages here.</Text> : null}
            {data.messages.map((m) => (
              <Card key={m.id} withBorder padding="md" component="article" aria-label={`To ${m.to}`}>
                <Text size="sm" c="dimmed">
                  To {m.to} · {formatDateTime(m.createdAt)}
                </Text>
                <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                  {m.text}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
