import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { Role } from '../api/types';
import { ErrorRegion } from '../layout/feedback';
import { roleLabel } from '../layout/format';
import { useInviteUser } from './api';
import { InviteLinkResult } from './InviteLinkResult';

/** Invite a person: name, e-mail and role, then the single-use link to send them. */
export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const invite = useInviteUser();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('participant');
  const [attempted, setAttempted] = useState(false);

  function close() {
    invite.reset();
    setDisplayName('');
    setEmail('');
    setRole('participant');
    setAttempted(false);
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!displayName.trim() || !email.trim()) return;
    invite.mutate({ displayName: displayName.trim(), email: email.trim(), role });
  }

  const error = invite.error instanceof ApiError ? invite.error : null;
  const emailError = (error?.code === 'email_taken' ? error.message : error?.fieldMessage('email')) ?? (attempted && !email.trim() ? 'Enter their e-mail address.' : undefined);
  const nameError = error?.fieldMessage('displayName') ?? (attempted && !displayName.trim() ? 'Enter their name.' : undefined);
  const showGeneralError = invite.error && !emailError && !nameError;

  return (
    <Modal opened={opened} onClose={close} title={invite.data ? 'Invitation ready' : 'Invite someone'} size="lg">
      {invite.data ? (
        <InviteLinkResult issued={invite.data} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorRegion error={showGeneralError ? invite.error : null} title="We couldn't create the invitation" />
            <TextInput
              label="Full name"
              description="As the person would like to be addressed by staff."
              required
              autoComplete="off"
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              error={nameError}
              data-autofocus
            />
            <TextInput label="E-mail" type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={emailError} />
            <NativeSelect
              label="Role"
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as Role)}
              data={(['participant', 'clinician', 'admin'] as const).map((r) => ({ value: r, label: roleLabel[r] }))}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending}>
                Create invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
