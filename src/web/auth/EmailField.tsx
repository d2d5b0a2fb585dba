import { TextInput } from '@mantine/core';

/** The e-mail address someone signs in with: sign-in and "Forgot password". Empty is refused once they have submitted; `focused` puts the cursor in it when the page opens. */
export function EmailField({ value, onChange, attempted, focused }: { value: string; onChange: (email: string) => void; attempted: boolean; focused: boolean }) {
  return (
    <TextInput
      label="E-mail"
      type="email"
      name="email"
      autoComplete="username"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={attempted && !value.trim() ? 'Enter your e-mail address.' : undefined}
      // eslint-disable-next-line jsx-a11y/no-autofocus -- a single-task page (sign-in step, set password, answer an offer): its first field is where everyone starts, and nothing else on the page is skipped
      autoFocus={focused}
    />
  );
}
