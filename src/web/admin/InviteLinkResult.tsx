import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import type { InvitationIssued } from '../api/types';
import { formatDateTime } from '../layout/format';

/** A freshly issued set-password link: shown once, with a copy button. */
export function InviteLinkResult({ issued, onDone }: { issued: InvitationIssued; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Text role="status">
        The link for <strong>{issued.user.displayName}</strong> ({issued.user.email}) is ready.
      </Text>
      <TextInput
        label="Set-password link"
        value={issued.inviteUrl}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        data-testid="invite-url"
      />
      <Group gap="sm">
        <CopyButton value={issued.inviteUrl}>
          {({ copied, copy }) => (
            <Button onClick={copy} variant={copied ? 'light' : 'filled'}>
              {copied ? 'Link copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
      <Alert color="yellow" variant="light" title="Shown only once">
        <Text size="sm">
          This link works once and expires {formatDateTime(issued.expiresAt)}. Send it to the person yourself, through a
          channel you trust. Anyone who has the link can set the password, so don't post it anywhere shared.
        </Text>
      </Alert>
    </Stack>
  );
}
