import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { ErrorRegion, QueryView } from '../layout/feedback';
import { describeUserAgent, formatDateTime } from '../layout/format';
import { useRevokeSignInSession, useSignInSessions } from './api';

/** Where this account is signed in, with a way to sign out any one of those devices. */
export function SessionsCard() {
  const sessions = useSignInSessions();
  const revoke = useRevokeSignInSession();

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sessions-heading">
      <Title order={2} size="h3" id="sessions-heading" mb={4}>
        Where you're signed in
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        If you don't recognise a device, sign it out and change your password.
      </Text>
      <ErrorRegion error={revoke.error} />
      <QueryView query={sessions} loadingLabel="Loading your devices…">
        {({ sessions: list }) => (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {[...list]
              .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt))
              .map((s) => (
                <Card key={s.id} component="li" withBorder padding="sm" bg={s.current ? 'hearth.0' : undefined}>
                  <Group justify="space-between" align="center" gap="sm">
                    <div style={{ minWidth: 0 }}>
                      <Group gap="xs">
                        <Text fw={600}>{describeUserAgent(s.userAgent)}</Text>
                        {s.current ? (
                          <Badge variant="light" color="hearth">
                            This device
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="sm" c="dimmed">
                        Signed in {formatDateTime(s.createdAt)} · last active {formatDateTime(s.lastSeenAt)}
                      </Text>
                    </div>
                    <Button
                      variant="default"
                      size="sm"
                      onClick={() => revoke.mutate(s)}
                      loading={revoke.isPending && revoke.variables?.id === s.id}
                      aria-label={`Sign out this device: ${s.current ? 'the one you are using' : describeUserAgent(s.userAgent)}, signed in ${formatDateTime(s.createdAt)}`}
                    >
                      Sign out this device
                    </Button>
                  </Group>
                </Card>
              ))}
          </Stack>
        )}
      </QueryView>
    </Card>
  );
}
