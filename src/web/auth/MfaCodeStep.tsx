import { Button, Group, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorRegion } from '../layout/feedback';
import { useSignOut, useVerifyMfa } from './api';
import { AuthenticatorCodeField } from './AuthenticatorCodeField';
import classes from './auth.module.css';

/** Second sign-in step: a 6-digit code from the authenticator app, or a recovery code. */
export function MfaCodeStep() {
  const signOut = useSignOut();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const verify = useVerifyMfa();

  function submit(event: FormEvent) {
    event.preventDefault();
    const short = normalise(code, useRecovery).length < 6;
    setTooShort(short);
    if (!short) verify.mutate(normalise(code, useRecovery), { onError: () => setCode('') });
  }

  function switchMode() {
    setUseRecovery((value) => !value);
    setCode('');
    setTooShort(false);
    verify.reset();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={1} size="h2">
          Check it's you
        </Title>
        <Text size="sm">
          {useRecovery
            ? 'Enter one of the recovery codes you saved when you set up two-step sign-in. Each code works once.'
            : 'Open your authenticator app and enter the 6-digit code it shows for this service.'}
        </Text>
        <ErrorRegion error={verify.error} title="That code did not work" />
        {useRecovery ? (
          <TextInput
            key="recovery"
            label="Recovery code"
            name="recovery-code"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            description="For example abcd-efgh-ijkl"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={tooShort ? 'Enter your recovery code.' : undefined}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- a single-task page (sign-in step, set password, answer an offer): its first field is where everyone starts, and nothing else on the page is skipped
            autoFocus
          />
        ) : (
          <AuthenticatorCodeField key="totp" value={code} onChange={setCode} tooShort={tooShort} focused />
        )}
        <Button type="submit" loading={verify.isPending} fullWidth>
          Continue
        </Button>
        <Group justify="space-between" gap="xs">
          <UnstyledButton type="button" className={classes.textButton} onClick={switchMode}>
            {useRecovery ? 'Use my authenticator app' : 'Use a recovery code'}
          </UnstyledButton>
          <UnstyledButton type="button" className={classes.textButton} onClick={() => void signOut()}>
            Sign in as someone else
          </UnstyledButton>
        </Group>
      </Stack>
    </form>
  );
}

function normalise(code: string, recovery: boolean): string {
  return recovery ? code.trim().toLowerCase() : code.replace(/\s+/g, '');
}
