import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './auth.module.css';

/**
 * The 6-digit code an authenticator app shows: the second sign-in step and turning two-step
 * sign-in on. A numeric keypad on phones, the browser may fill it from a one-time-code message;
 * `tooShort` once the person has submitted fewer than 6 digits.
 */
export function AuthenticatorCodeField({
  value,
  onChange,
  tooShort,
  description,
  focused = false,
  narrow = false,
}: {
  value: string;
  onChange: (code: string) => void;
  tooShort: boolean;
  description?: ReactNode;
  /** Put the cursor in it when the page opens. */
  focused?: boolean;
  /** Only as wide as a code from the `xs` breakpoint up. */
  narrow?: boolean;
}) {
  return (
    <TextInput
      label="6-digit code"
      description={description}
      name="one-time-code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={8}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={tooShort ? 'Enter the 6-digit code from your app.' : undefined}
      // eslint-disable-next-line jsx-a11y/no-autofocus -- a single-task page (sign-in step, set password, answer an offer): its first field is where everyone starts, and nothing else on the page is skipped
      autoFocus={focused}
      classNames={{ input: classes.codeInput }}
      w={narrow ? { base: '100%', xs: 240 } : undefined}
    />
  );
}
