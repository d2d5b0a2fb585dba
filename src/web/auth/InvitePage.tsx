import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import type { InvitationInfo } from '../api/types';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { LinkProblem } from '../layout/LinkProblem';
import { fragmentParams, useInspectLinkToken } from '../layout/linkToken';
import { PublicCard, PublicLayout } from '../layout/PublicLayout';
import { useAcceptInvitation, useInspectInvitation } from './api';

const MIN_LENGTH = 8;

/** Reads the token from "#token=…": the fragment never reaches a server log. */
function readTokenFromFragment(): string | null {
  return fragmentParams().get('token');
}

/** Landing page of invitation and set-password links: checks the link, then sets a password. */
export function InvitePage() {
  usePageTitle('Set your password');
  const [token] = useState(readTokenFromFragment);
  const inspect = useInspectInvitation();

  useInspectLinkToken(token, inspect.mutate);

  let content;
  if (!token) {
    content = <LinkProblem title="This link is incomplete">Open the link exactly as you received it, or ask your service administrator to send a new one.</LinkProblem>;
  } else if (inspect.error) {
    content =
      inspect.error instanceof ApiError && inspect.error.status === 410 ? (
        <LinkProblem title="This link no longer works">
          It may have expired or already been used. Ask your service for a new link, or, if you already had a password, ask for a reset link from the sign-in page.
        </LinkProblem>
      ) : (
        <ErrorRegion error={inspect.error} title="We couldn't check this link" />
      );
  } else if (!inspect.data) {
    content = <PageLoader label="Checking your link…" />;
  } else {
    content = <SetPasswordForm token={token} info={inspect.data} />;
  }

  return (
    <PublicLayout>
      <PublicCard>{content}</PublicCard>
    </PublicLayout>
  );
}

function SetPasswordForm({ token, info }: { token: string; info: InvitationInfo }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [attempted, setAttempted] = useState(false);
  const accept = useAcceptInvitation();

  const tooShort = password.length < MIN_LENGTH;
  const mismatch = confirm !== password;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (tooShort || mismatch) return;
    accept.mutate({ token, password });
  }

  if (accept.isSuccess) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          Your password is set
        </Title>
        <Text role="status">You can now sign in with your e-mail address {info.email} and your new password.</Text>
        <Button component={Link} to="/sign-in" state={{ email: info.email }}>
          Sign in
        </Button>
      </Stack>
    );
  }

  const weak = accept.error instanceof ApiError && accept.error.code === 'weak_password' ? accept.error.message : null;
  const gone = accept.error instanceof ApiError && accept.error.status === 410;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={1} size="h2">
          Welcome, {info.displayName}
        </Title>
        <Text>{info.purpose === 'invite' ? 'Choose a password to finish setting up your account.' : 'Choose a new password for your account.'}</Text>
        {gone ? (
          <Alert color="red" variant="light" role="alert" title="This link no longer works">
            It may have expired or already been used. Ask your service administrator for a new link.
          </Alert>
        ) : (
          <ErrorRegion error={weak ? null : accept.error} />
        )}
        <TextInput label="E-mail" value={info.email} readOnly autoComplete="username" name="email" />
        <PasswordInput
          label="New password"
          description={`At least ${MIN_LENGTH} characters. Common or easily guessed passwords are refused; a short sentence you will remember works well.`}
          autoComplete="new-password"
          name="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={weak ?? (attempted && tooShort ? `Use at least ${MIN_LENGTH} characters.` : undefined)}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- a single-task page (sign-in step, set password, answer an offer): its first field is where everyone starts, and nothing else on the page is skipped
          autoFocus
        />
        <PasswordInput
          label="Type the password again"
          autoComplete="new-password"
          name="confirm-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={attempted && !tooShort && mismatch ? 'The two passwords are different.' : undefined}
        />
        <Button type="submit" loading={accept.isPending}>
          Set password
        </Button>
      </Stack>
    </form>
  );
}
