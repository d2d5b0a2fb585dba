import { Alert, Button, CopyButton, Group, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A private link Hearth shows only once (a set-password link, a calendar feed): the link to
 * select or copy, Done, and under "Shown only once" what `children` says about keeping it safe.
 */
export function OnceLink({ label, url, testId, onDone, children }: { label: string; url: string; testId: string; onDone: () => void; children: ReactNode }) {
  return (
    <>
      <TextInput label={label} value={url} readOnly onFocus={(e) => e.currentTarget.select()} data-testid={testId} />
      <Group gap="sm">
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button onClick={copy} variant={copied ? 'light' : 'filled'}>
              {copied ? 'Link copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
      <Alert color="yellow" variant="light" title="Shown only once">
        <Text size="sm">{children}</Text>
      </Alert>
    </>
  );
}
