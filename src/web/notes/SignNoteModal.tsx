import { Text } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../auth/session';
import { ConfirmModal } from '../layout/ConfirmModal';

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
  async function sign(close: () => void) {
    setBusy(true);
    try {
      if (await onSign()) close();
    } finally {
      setBusy(false);
    }
  }
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title="Sign this note?"
      confirmLabel="Sign note"
      pending={busy}
      error={error}
      errorTitle="We couldn't sign the note"
      onConfirm={(close) => void sign(close)}
    >
      <Text>You sign as {me.user.displayName}. Once signed, the note is locked: nobody can change it, and anything to add later becomes a dated addendum.</Text>
      {dirty ? <Text size="sm">Your latest changes will be saved first.</Text> : null}
    </ConfirmModal>
  );
}
