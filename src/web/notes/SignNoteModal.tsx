import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../auth/session';
import { ErrorRegion } from '../layout/feedback';

interface Props {
  opened: boolean;
  /** Unsaved changes are saved before signing. */
  dirty: boolean;
  onClose: () => void;
  /** Resolves true when the modal can close (signed, or a conflict is now shown). */
  onSign: () => Promise<boolean>;
  error: unknown;
}

/** Confirms signing: a signed note is locked, later changes are addenda. */
export function SignNoteModal({ opened, dirty, onClose, onSign, error }: Props) {
  const me = useMe();
  const [busy, setBusy] = useState(false);
  async function sign() {
    setBusy(true);
    try {
      if (await onSign()) onClose();
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title="Sign this note?" size="lg">
      <Stack gap="md">
        <Text>You sign as {me.user.displayName}. Once signed, the note is locked: nobody can change it, and anything to add later becomes a dated addendum.</Text>
        {dirty ? <Text size="sm">Your latest changes will be saved first.</Text> : null}
        <ErrorRegion error={error} title="We couldn't sign the note" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button onClick={() => void sign()} loading={busy}>
            Sign note
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
