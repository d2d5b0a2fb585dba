import { Button, Checkbox, Code, CopyButton, Group, Image, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorRegion } from '../layout/feedback';
import { groupInFours } from '../layout/format';
import { useEnableMfa, useMfaSetup } from './api';
import { AuthenticatorCodeField } from './AuthenticatorCodeField';
import classes from './auth.module.css';

interface SecondaryAction {
  label: string;
  onClick: () => void;
  loading?: boolean;
}

interface MfaEnrolmentProps {
  /** What to say before setting up: why two-step sign-in, and whether it can wait. */
  intro: ReactNode;
  /** "Not now", "Sign out" or "Cancel", depending on where enrolment is offered. */
  secondary?: SecondaryAction;
  /** Called once the person has confirmed they saved their recovery codes. */
  onFinished: () => void;
  /** Heading level of the step titles, to keep headings in order on the host page. */
  headingOrder?: TitleOrder;
  /** Offer "Cancel" during setup, going back to the intro (account page). */
  allowCancel?: boolean;
}

/** TOTP enrolment: scan or type the key, confirm a code, then save the recovery codes. */
export function MfaEnrolment({ intro, secondary, onFinished, headingOrder = 2, allowCancel = false }: MfaEnrolmentProps) {
  const setup = useMfaSetup();
  const [code, setCode] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const enable = useEnableMfa();

  if (enable.data) {
    return <RecoveryCodes codes={enable.data.recoveryCodes} onFinished={onFinished} headingOrder={headingOrder} />;
  }

  const secondaryButton = secondary ? (
    <Button variant="default" onClick={secondary.onClick} loading={secondary.loading}>
      {secondary.label}
    </Button>
  ) : null;

  if (!setup.data) {
    return (
      <Stack gap="md">
        {intro}
        <ErrorRegion error={setup.error} />
        <Group gap="sm">
          <Button onClick={() => setup.mutate()} loading={setup.isPending}>
            Set up two-step sign-in
          </Button>
          {secondaryButton}
        </Group>
      </Stack>
    );
  }

  const { secret, qrDataUrl } = setup.data;
  function submit(event: FormEvent) {
    event.preventDefault();
    const short = code.replace(/\s+/g, '').length < 6;
    setTooShort(short);
    if (!short) enable.mutate(code.replace(/\s+/g, ''), { onError: () => setCode('') });
  }

  return (
    <Stack gap="md">
      <Title order={headingOrder} size="h3">
        1. Add Hearth to your authenticator app
      </Title>
      <Text size="sm">Use an authenticator app such as Microsoft Authenticator, Google Authenticator or FreeOTP. Scan this QR code with it:</Text>
      <Image src={qrDataUrl} alt="QR code to add this account to an authenticator app" className={classes.qr} w={200} h={200} />
      <Text size="sm">Can't scan it? Choose "enter a setup key" in the app and type this key:</Text>
      <Text component="p" className={classes.secret} data-testid="mfa-secret" m={0}>
        {groupInFours(secret)}
      </Text>
      <Title order={headingOrder} size="h3">
        2. Enter the code the app shows
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorRegion error={enable.error} title="That code did not work" />
          <AuthenticatorCodeField value={code} onChange={setCode} tooShort={tooShort} description="The code changes every 30 seconds." narrow />
          <Group gap="sm">
            <Button type="submit" loading={enable.isPending}>
              Turn on two-step sign-in
            </Button>
            {secondaryButton}
            {allowCancel ? (
              <Button variant="default" onClick={() => setup.reset()}>
                Cancel
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function RecoveryCodes({ codes, onFinished, headingOrder }: { codes: string[]; onFinished: () => void; headingOrder: TitleOrder }) {
  const [saved, setSaved] = useState(false);
  const text = codes.join('\n');

  function download() {
    const url = URL.createObjectURL(new Blob([`Hearth recovery codes\n\n${text}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'hearth-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <Stack gap="md">
      <Title order={headingOrder} size="h3">
        Two-step sign-in is on. Save your recovery codes
      </Title>
      <Text size="sm" role="status">
        If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe, such as a password manager. They will not be shown again.
      </Text>
      <ul className={classes.recoveryCodes} aria-label="Recovery codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <Code fz="md">{c}</Code>
          </li>
        ))}
      </ul>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download}>
          Download as a text file
        </Button>
      </Group>
      <Checkbox label="I have saved these codes" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
      <Button onClick={onFinished} disabled={!saved} w={{ base: '100%', xs: 'auto' }}>
        Continue
      </Button>
    </Stack>
  );
}
