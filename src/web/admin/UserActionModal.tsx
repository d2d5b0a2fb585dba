import { Text } from '@mantine/core';
import type { AdminUser, InvitationIssued } from '../api/types';
import { FormModal } from '../layout/FormModal';
import { useUserAction, type UserAction } from './api';
import { InviteLinkResult } from './InviteLinkResult';

interface ActionCopy {
  title: (name: string) => string;
  body: (user: AdminUser) => string;
  confirm: string;
  danger: boolean;
  done: (name: string) => string;
}

export const actionCopy: Record<UserAction, ActionCopy> = {
  deactivate: {
    title: (name) => `Deactivate ${name}?`,
    body: () => 'They will be signed out everywhere and will not be able to sign in until an administrator reactivates the account. Their records are kept.',
    confirm: 'Deactivate',
    danger: true,
    done: (name) => `${name} has been deactivated.`,
  },
  reactivate: {
    title: (name) => `Reactivate ${name}?`,
    body: () => 'They will be able to sign in again.',
    confirm: 'Reactivate',
    danger: false,
    done: (name) => `${name} has been reactivated.`,
  },
  'reset-mfa': {
    title: (name) => `Reset two-step sign-in for ${name}?`,
    body: (user) =>
      `Their authenticator app and recovery codes will stop working${
        user.role === 'participant' ? '.' : ', and they will be asked to set it up again when they next sign in.'
      } Only do this once you are sure who is asking.`,
    confirm: 'Reset two-step sign-in',
    danger: true,
    done: (name) => `Two-step sign-in has been reset for ${name}.`,
  },
  invitation: {
    title: (name) => `New set-password link for ${name}?`,
    body: (user) =>
      user.status === 'invited'
        ? 'You will get a new single-use invitation link to send them.'
        : 'You will get a single-use link to send them, with which they can choose a new password.',
    confirm: 'Create link',
    danger: false,
    done: (name) => `A new set-password link was created for ${name}.`,
  },
};

interface Props {
  target: { user: AdminUser; action: UserAction } | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Confirms one account action; for a new link, shows the link afterwards. */
export function UserActionModal({ target, onClose, onDone }: Props) {
  const mutation = useUserAction();
  const copy = target ? actionCopy[target.action] : null;
  const issued = target?.action === 'invitation' && mutation.data ? (mutation.data as InvitationIssued) : null;

  return (
    <FormModal
      opened={target !== null}
      onClose={onClose}
      title={target && copy ? copy.title(target.user.displayName) : ''}
      submitLabel={copy?.confirm ?? ''}
      danger={copy?.danger}
      focusCancel
      mutation={mutation}
      result={issued ? <InviteLinkResult issued={issued} onDone={onClose} /> : undefined}
      onSubmit={(close) => {
        if (!target || !copy) return;
        mutation.mutate(
          { userId: target.user.id, action: target.action },
          {
            onSuccess: () => {
              if (target.action !== 'invitation') {
                onDone(copy.done(target.user.displayName));
                close();
              }
            },
          },
        );
      }}
    >
      {target ? <Text>{copy?.body(target.user)}</Text> : null}
    </FormModal>
  );
}
