import { Alert, Stack, Text } from '@mantine/core';
import type { InvitationIssued } from '../api/types';
import { formatDateTime } from '../layout/format';
import { OnceLink } from '../layout/OnceLink';

/** A freshly issued set-password link: shown once, with a copy button. */
export function InviteLinkResult({ issued, onDone }: { issued: InvitationIssued; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Text role="status">
        The link for <strong>{issued.user.displayName}</strong> ({issued.user.email}) is ready.
      </Text>
      <MailSentNotice mail={issued.mail} email={issued.user.email} />
      <SetPasswordLink url={issued.inviteUrl} personName="the person" expiresAt={issued.expiresAt} onDone={onDone} mail={issued.mail} />
    </Stack>
  );
}

/** Whether the link also went out by e-mail, or must be passed on by hand (no mail server set up). */
export function MailSentNotice({ mail, email }: { mail: 'queued' | 'outbox'; email: string }) {
  return mail === 'queued' ? (
    <Alert color="green" variant="light" title="E-mail sent" data-testid="invite-mail">
      <Text size="sm">We have e-mailed this link to {email}. You only need the link below if the e-mail does not arrive.</Text>
    </Alert>
  ) : (
    <Alert color="orange" variant="light" title="No e-mail sent" data-testid="invite-mail">
      <Text size="sm">This service has no mail server set up, so the e-mail is only kept in the outbox (Administration → Mail). Copy the link below and pass it on yourself.</Text>
    </Alert>
  );
}

/**
 * A set-password link shown only once (after an invitation or an accepted place): the link to
 * copy, Done, and how to pass it on safely. Used wherever Hearth issues one.
 */
export function SetPasswordLink({
  url,
  personName,
  expiresAt,
  onDone,
  mail,
}: {
  url: string;
  personName: string;
  expiresAt?: string;
  onDone: () => void;
  mail?: 'queued' | 'outbox';
}) {
  return (
    <OnceLink label="Set-password link" url={url} testId="invite-url" onDone={onDone}>
      This link works once{expiresAt ? ` and expires ${formatDateTime(expiresAt)}` : ''}: with it {personName} chooses a password and signs in.{' '}
      {mail === 'queued' ? 'If you pass it on yourself, use' : 'Send it yourself, through'} a channel you trust. Anyone who has the link can set the password, so don't post it
      anywhere shared.
    </OnceLink>
  );
}
