import { Alert, Stack, Text, Title } from '@mantine/core';
import type { Me } from '../api/types';
import { ErrorRegion, usePageTitle } from '../layout/feedback';
import { PublicCard, PublicLayout } from '../layout/PublicLayout';
import { MfaEnrolment } from './MfaEnrolment';
import { usePostponeMfa, useRefreshSession, useSignOut } from './api';

/**
 * Shown to staff without MFA right after signing in. "required": the service insists, and the
 * only other way out is signing out. "offered" (demo): it can be postponed with "Not now".
 */
export function MfaEnrolmentPage({ me }: { me: Me }) {
  usePageTitle('Set up two-step sign-in', me.service.name);
  const signOut = useSignOut();
  const required = me.session.mfa === 'enrolment_required';
  const refreshSession = useRefreshSession();
  const postpone = usePostponeMfa();

  const intro = (
    <Stack gap="sm">
      <Text>
        Hello {me.user.displayName}. Hearth holds sensitive information about the people in your groups, so staff accounts are protected by a second step: a code from an
        authenticator app on your phone.
      </Text>
      {required ? (
        <Alert color="blue" variant="light" title="Needed before you continue">
          <Text size="sm">{me.service.name} requires two-step sign-in for staff. It takes about two minutes.</Text>
        </Alert>
      ) : (
        <Text size="sm">This demo service lets you set it up later from your account page, but we recommend doing it now.</Text>
      )}
    </Stack>
  );

  return (
    <PublicLayout serviceName={me.service.name}>
      <PublicCard>
        <Stack gap="md">
          <Title order={1} size="h2">
            Protect your account
          </Title>
          <ErrorRegion error={postpone.error} />
          <MfaEnrolment
            intro={intro}
            secondary={required ? { label: 'Sign out', onClick: () => void signOut() } : { label: 'Not now', onClick: () => postpone.mutate(), loading: postpone.isPending }}
            onFinished={refreshSession}
          />
        </Stack>
      </PublicCard>
      {me.service.demo ? (
        <Text size="sm" mt="md" c="dimmed">
          Demo service: see the README for demo logins.
        </Text>
      ) : null}
    </PublicLayout>
  );
}
