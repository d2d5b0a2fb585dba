import { Alert, Badge, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useMailOutbox, type Mail } from './api';

const statusColor: Record<Mail['status'], string> = { queued: 'blue', sending: 'blue', sent: 'green', failed: 'red.8', outbox: 'gray' };
const statusLabel: Record<Mail['status'], string> = { queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed', outbox: 'In outbox (not sent)' };

/** /admin/mail: every e-mail Hearth wrote; without SMTP settings, the outbox to read and pass on. */
export function MailOutboxPage() {
  const me = useMe();
  usePageTitle('Mail', me.service.name);
  const [status, setStatus] = useState<Mail['status'] | 'all'>('all');
  const outbox = useMailOutbox(status);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Mail</Title>
        <Text c="dimmed">E-mail Hearth sends (facilitator digests). Messages carry no details about group members.</Text>
      </div>
      {outbox.data && !outbox.data.smtpConfigured ? (
        <Alert color="blue" variant="light" title="No mail server is set up">
          <Text size="sm">Hearth keeps e-mail here instead of sending it. Set HEARTH_SMTP_URL to send it; messages already here stay unsent.</Text>
        </Alert>
      ) : null}
      <SegmentedControl
        aria-label="Show"
        value={status}
        onChange={(v) => setStatus(v as Mail['status'] | 'all')}
        data={[
          { value: 'all', label: 'All' },
          { value: 'outbox', label: 'Outbox' },
          { value: 'sent', label: 'Sent' },
          { value: 'failed', label: 'Failed' },
        ]}
      />
      {outbox.isPending ? <PageLoader label="Loading mail…" /> : null}
      {outbox.error ? <ErrorRegion error={outbox.error} title="We couldn't load the mail" /> : null}
      {outbox.data?.mail.length === 0 ? <Text>No e-mail here.</Text> : null}
      {outbox.data?.mail.map((m) => (
        <Card key={m.id} withBorder padding="md" component="article" aria-label={m.subject}>
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <div>
              <Text fw={600}>{m.subject}</Text>
              <Text size="sm" c="dimmed">
                To {m.toAddress} · {formatDateTime(m.createdAt)}
                {m.sentAt ? ` · sent ${formatDateTime(m.sentAt)}` : ''}
              </Text>
            </div>
            <Badge color={statusColor[m.status]} variant="light">
              {statusLabel[m.status]}
            </Badge>
          </Group>
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {m.bodyText}
          </Text>
          {m.lastError ? (
            <Text size="sm" c="red.8" mt="xs">
              Last error after {m.attempts} {m.attempts === 1 ? 'attempt' : 'attempts'}: {m.lastError}
            </Text>
          ) : null}
        </Card>
      ))}
    </Stack>
  );
}
