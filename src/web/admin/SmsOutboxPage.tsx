import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../auth/session';
import { useSmsOutbox } from '../duty/api';
import { QueryView, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';

/** /admin/sms: alert text messages kept in the outbox when no SMS gateway is configured. */
export function SmsOutboxPage() {
  const me = useMe();
  usePageTitle('Text messages', me.service.name);
  const outbox = useSmsOutbox();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Text messages</Title>
        <Text c="dimmed">Alert text messages to clinicians. They say how many alerts and in which group, never who or what.</Text>
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
            {data.messages.length === 0 ? <Text>No text messages here.</Text> : null}
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
