import type { ReactNode } from 'react';
import { FormModal, type ModalMutation } from './FormModal';

export interface ConfirmModalProps {
  opened: boolean;
  /** Called once the modal has reset itself, however it closed. */
  onClose: () => void;
  /** The question ("Stop watching this phrase?"). */
  title: ReactNode;
  /** The confirming button's text ("Stop watching"). */
  confirmLabel: string;
  /** Runs on confirm; call `close()` when done (it resets the mutation, then calls `onClose`). */
  onConfirm: (close: () => void) => void;
  mutation?: ModalMutation;
  /** When not driven by one mutation (as FormModal). */
  pending?: boolean;
  error?: unknown;
  errorTitle?: string;
  /** A destructive action: the confirming button is red. */
  danger?: boolean;
  /** The way back ("Keep it"); "Cancel" by default. */
  cancelLabel?: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
}

/**
 * A yes/no question with no fields: FormModal with Cancel focused first, so Enter or a stray tap
 * never confirms by accident. The same reset, error region and pending button as every form.
 */
export function ConfirmModal({ confirmLabel, onConfirm, ...props }: ConfirmModalProps) {
  return <FormModal {...props} size="md" submitLabel={confirmLabel} onSubmit={onConfirm} focusCancel />;
}
