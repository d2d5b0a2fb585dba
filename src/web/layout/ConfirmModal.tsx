import type { ReactNode } from 'react';
import { FormModal, type FormModalProps } from './FormModal';

/** FormModal's props that a question uses, the action's label and what will happen. */
export type ConfirmModalProps = Pick<FormModalProps, 'opened' | 'onClose' | 'title' | 'mutation' | 'pending' | 'error' | 'errorTitle' | 'danger' | 'cancelLabel'> & {
  /** The confirming button's text ("Stop watching"). */
  confirmLabel: string;
  /** Runs on confirm; call `close()` when done (it resets the request, then calls `onClose`). */
  onConfirm: FormModalProps['onSubmit'];
  /** What will happen, in a sentence or two. */
  children: ReactNode;
};

/**
 * A yes/no question with no fields: FormModal with Cancel focused first, so Enter or a stray tap
 * never confirms by accident. The same reset, error region and pending button as every form.
 */
export function ConfirmModal({ confirmLabel, onConfirm, ...props }: ConfirmModalProps) {
  return <FormModal {...props} size="md" submitLabel={confirmLabel} onSubmit={onConfirm} focusCancel />;
}
