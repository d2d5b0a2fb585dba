import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { ErrorRegion } from './feedback';

/** What FormModal needs from a TanStack mutation: its state and how to forget it. */
export interface ModalMutation {
  isPending: boolean;
  error: unknown;
  reset: () => void;
}

export interface FormModalProps {
  opened: boolean;
  /** Called once the modal has reset itself, whichever way it closed (Cancel, ×, Escape, after a success). */
  onClose: () => void;
  title: ReactNode;
  /** The submit button's text ("Resolve alert"). */
  submitLabel: string;
  /**
   * Runs on submit (the browser's own submission is prevented). Call `close()` when done: it
   * resets the form and the mutation, then calls `onClose`.
   */
  onSubmit: (close: () => void) => void;
  /** The request in flight, its error (shown with the server's message) and its reset. */
  mutation?: ModalMutation;
  /** When not driven by one mutation: shown like the mutation's. `error={null}` hides the mutation's (shown under a field instead). */
  pending?: boolean;
  error?: unknown;
  /** The heading above the error ("The alert was not resolved"). */
  errorTitle?: string;
  /** Puts the form's own fields back to their first state: runs every time the modal opens. */
  onReset?: () => void;
  /** A destructive action: the submit button is red. */
  danger?: boolean;
  submitDisabled?: boolean;
  cancelLabel?: string;
  /** Replaces the whole form (a result to show after success, such as a one-time link). */
  result?: ReactNode;
  size?: ModalProps['size'];
  /** Focus Cancel first (confirmations) instead of the first field. */
  focusCancel?: boolean;
  /** Hides Cancel and submit while the body offers its own choice (the moderation preview's "Send anyway" / "Edit my message"). */
  hideActions?: boolean;
  children?: ReactNode;
}

/**
 * The one modal form of the web app: a Mantine Modal around a `<form>`, the fields, the API's
 * error in an alert region, Cancel and a submit button that shows the request in flight. Every way
 * of closing goes through the same reset, and the fields are reset again whenever it opens, so a
 * modal never shows the previous person's text or error.
 */
export function FormModal(props: FormModalProps) {
  const { opened, onClose, title, submitLabel, onSubmit, mutation, onReset, danger, submitDisabled, result, size = 'lg', focusCancel, hideActions, children } = props;
  const pending = props.pending ?? mutation?.isPending ?? false;
  const error = props.error !== undefined ? props.error : (mutation?.error ?? null);

  // The latest reset, read by the effect below without making it re-run on every render.
  const resetRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    resetRef.current = () => {
      mutation?.reset();
      onReset?.();
    };
  });
  useEffect(() => {
    if (opened) resetRef.current();
  }, [opened]);

  function close() {
    resetRef.current();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    onSubmit(close);
  }

  return (
    <Modal opened={opened} onClose={close} title={title} size={size}>
      {result ?? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {children}
            <ErrorRegion error={error} title={props.errorTitle} />
            {hideActions ? null : (
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={close} data-autofocus={focusCancel || undefined}>
                  {props.cancelLabel ?? 'Cancel'}
                </Button>
                <Button type="submit" color={danger ? 'red' : undefined} loading={pending} disabled={submitDisabled}>
                  {submitLabel}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      )}
    </Modal>
  );
}
