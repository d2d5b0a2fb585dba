import { NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { Role } from '../api/types';
import { FormModal } from '../layout/FormModal';
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

  const error = invite.error instanceof ApiError ? invite.error : null;
  const emailError = (error?.code === 'email_taken' ? error.message : error?.fieldMessage('email')) ?? (attempted && !email.trim() ? 'Enter their e-mail address.' : undefined);
  const nameError = error?.fieldMessage('displayName') ?? (attempted && !displayName.trim() ? 'Enter their name.' : undefined);
  const showGeneralError = invite.error && !emailError && !nameError;

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={invite.data ? 'Invitation ready' : 'Invite someone'}
      submitLabel="Create invitation"
      mutation={invite}
      error={showGeneralError ? invite.error : null}
      errorTitle="We couldn't create the invitation"
      result={invite.data ? <InviteLinkResult issued={invite.data} onDone={onClose} /> : undefined}
      onReset={() => {
        setDisplayName('');
        setEmail('');
        setRole('participant');
        setAttempted(false);
      }}
      onSubmit={() => {
        setAttempted(true);
        if (!displayName.trim() || !email.trim()) return;
        invite.mutate({ displayName: displayName.trim(), email: email.trim(), role });
      }}
    >
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
    </FormModal>
  );
}
