import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { PublicCard, PublicLayout } from '../layout/PublicLayout';
import { EmailField } from './EmailField';
import { MfaCodeStep } from './MfaCodeStep';
import { loadAppStyles } from '../styles/appStyles';
import { useHealth, useLogin, useSession } from './api';

interface SignInLocationState {
  from?: string;
  email?: string;
}

/** Sign-in: e-mail and password, then the authenticator code when the account has MFA. */
export function SignInPage() {
  usePageTitle('Sign in');
  const session = useSession();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInLocationState;
  const health = useHealth();

  if (session.isPending) return <PageLoader />;
  const data = session.data;
  const me = data?.status === 'signed-in' ? data.me : null;
  if (me && me.session.mfa !== 'required') return <Navigate to={safeReturnPath(state.from)} replace />;

  const demo = me?.service.demo ?? health.data?.service.demo ?? false;
  const serviceName = me?.service.name ?? health.data?.service.name ?? 'Hearth';
  const ended = data?.status === 'signed-out' ? data.reason : null;

  return (
    <PublicLayout serviceName={serviceName}>
      <PublicCard>{me ? <MfaCodeStep /> : <PasswordStep initialEmail={state.email ?? ''} ended={ended} />}</PublicCard>
      {demo ? (
        <Alert mt="md" color="blue" variant="light" title="Demo service" role="note">
          <Text size="sm">Demo service: see the README for demo logins. Do not enter real patient information.</Text>
        </Alert>
      ) : null}
    </PublicLayout>
  );
}

function PasswordStep({ initialEmail, ended }: { initialEmail: string; ended: 'session_expired' | 'signed_out' | null }) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [attempted, setAttempted] = useState(false);
  const login = useLogin();

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!email.trim() || !password) return;
    // The signed-in pages' styles load while the password is checked (see styles/appStyles.ts).
    loadAppStyles().catch(() => undefined);
    login.mutate({ email: email.trim(), password }, { onError: () => setPassword('') });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={1} size="h2">
          Sign in
        </Title>
        {ended === 'session_expired' && !login.error ? (
          <Alert color="yellow" variant="light" role="status">
            <Text size="sm">Your session has ended. Please sign in again.</Text>
          </Alert>
        ) : null}
        {ended === 'signed_out' && !login.error ? (
          <Text size="sm" role="status">
            You have signed out.
          </Text>
        ) : null}
        <ErrorRegion error={login.error} title="We couldn't sign you in" />
        <EmailField value={email} onChange={setEmail} attempted={attempted} focused={!initialEmail} />
        <PasswordInput
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={attempted && !password && !login.error ? 'Enter your password.' : undefined}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- a single-task page (sign-in step, set password, answer an offer): its first field is where everyone starts, and nothing else on the page is skipped
          autoFocus={!!initialEmail}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          Sign in
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm">
          Forgotten your password?
        </Anchor>
      </Stack>
    </form>
  );
}

/** Only return to paths inside this app (never to another origin). */
function safeReturnPath(from: string | undefined): string {
  if (from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in')) return from;
  return '/';
}
