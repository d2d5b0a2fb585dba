import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorRegion, usePageTitle } from '../layout/feedback';
import { PublicCard, PublicLayout } from '../layout/PublicLayout';
import { useRequestPasswordReset } from './api';
import { EmailField } from './EmailField';

/**
 * "Forgot password": asks for a reset link by e-mail. The answer is the same whether or not the
 * address has an account, so this page never tells who has one.
 */
export function ForgotPasswordPage() {
  usePageTitle('Reset your password');
  const [email, setEmail] = useState('');
  const [attempted, setAttempted] = useState(false);
  const request = useRequestPasswordReset();

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!email.trim()) return;
    request.mutate(email.trim());
  }

  return (
    <PublicLayout>
      <PublicCard>
        {request.data ? (
          <Stack gap="md">
            <Title order={1} size="h2">
              Check your e-mail
            </Title>
            <Text role="status">{request.data.message}</Text>
            <Text size="sm" c="dimmed">
              Nothing after a few minutes? Check your spam folder, or ask your service for a new link.
            </Text>
            <Button component={Link} to="/sign-in" variant="default">
              Back to sign in
            </Button>
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Title order={1} size="h2">
                Reset your password
              </Title>
              <Text>Enter the e-mail address you sign in with. We will send a link to choose a new password.</Text>
              <ErrorRegion error={request.error} title="We couldn't send the link" />
              <EmailField value={email} onChange={setEmail} attempted={attempted} focused />
              <Button type="submit" loading={request.isPending} fullWidth>
                Send the link
              </Button>
              <Anchor component={Link} to="/sign-in" size="sm">
                Back to sign in
              </Anchor>
            </Stack>
          </form>
        )}
      </PublicCard>
    </PublicLayout>
  );
}
