import { Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';
import { useChangePassword } from './api';

const MIN_LENGTH = 8;

/** Change password: the server ends every other session of this account. */
export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const change = useChangePassword();

  const tooShort = next.length < MIN_LENGTH;
  const mismatch = next !== confirm;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setDone(null);
    if (!current || tooShort || mismatch) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          setAttempted(false);
          setDone('Your password has been changed. Any other devices where you were signed in have been signed out.');
        },
      },
    );
  }

  const error = change.error instanceof ApiError ? change.error : null;
  const wrongCurrent = error?.code === 'invalid_credentials' ? error.message : undefined;
  const weak = error?.code === 'weak_password' ? error.message : undefined;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="password-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="password-heading">
            Change password
          </Title>
          <SuccessRegion message={done} />
          <ErrorRegion error={wrongCurrent || weak ? null : change.error} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={wrongCurrent ?? (attempted && !current ? 'Enter your current password.' : undefined)}
          />
          <PasswordInput
            label="New password"
            description={`At least ${MIN_LENGTH} characters. Common passwords are refused.`}
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={weak ?? (attempted && tooShort ? `Use at least ${MIN_LENGTH} characters.` : undefined)}
          />
          <PasswordInput
            label="Type the new password again"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={attempted && !tooShort && mismatch ? 'The two passwords are different.' : undefined}
          />
          <Text size="sm" c="dimmed">
            Changing your password signs you out everywhere else.
          </Text>
          <div>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}
