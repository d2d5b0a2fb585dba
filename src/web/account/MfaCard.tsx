import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { MfaEnrolment } from '../auth/MfaEnrolment';
import { useMe } from '../auth/session';
import { useRefreshSession } from '../auth/api';

/** Two-step sign-in status, with enrolment for anyone who has not set it up. */
export function MfaCard() {
  const me = useMe();
  const refreshSession = useRefreshSession();
  const staff = me.user.role !== 'participant';

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="mfa-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={2} size="h3" id="mfa-heading">
            Two-step sign-in
          </Title>
          <Badge color={me.user.mfaEnabled ? 'green' : 'yellow'} variant="light">
            {me.user.mfaEnabled ? 'On' : 'Off'}
          </Badge>
        </Group>
        {me.user.mfaEnabled ? (
          <Text size="sm">
            When you sign in, you also enter a code from your authenticator app. If you lose access to the app, use one of your recovery codes, or ask your service administrator to
            reset it.
          </Text>
        ) : (
          <MfaEnrolment
            headingOrder={3}
            allowCancel
            intro={
              <Text size="sm">
                {staff
                  ? 'Protect your account with a code from an authenticator app on your phone, as well as your password.'
                  : 'For extra protection, you can be asked for a code from an app on your phone each time you sign in.'}
              </Text>
            }
            onFinished={refreshSession}
          />
        )}
      </Stack>
    </Card>
  );
}
