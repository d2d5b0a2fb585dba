import { Button, Card, Group, Stack, Text, Title, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorRegion, SuccessRegion } from './feedback';

interface SectionProps {
  /** The heading's id: the section's accessible name (`aria-labelledby`). */
  headingId: string;
  title: ReactNode;
  /** A dimmed line under the heading. */
  description?: ReactNode;
  /** Space between the heading and what follows, and between the parts of a form. */
  gap?: MantineSpacing;
  testId?: string;
  children: ReactNode;
}

/** A titled part of a page: a bordered card, its h2 naming the section. */
export function SectionCard({ headingId, title, description, gap = 'sm', testId, children }: SectionProps) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Stack gap={gap}>
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {description ? (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        ) : null}
        {children}
      </Stack>
    </Card>
  );
}

interface ActionsProps {
  /** The error for the form as a whole (`useFormChecks().formError`); none is shown while it is null. */
  error: unknown;
  errorTitle: string;
  /** The confirmation once saved. */
  saved: string | null;
  submitLabel: ReactNode;
  /** The request is in flight: the button shows it and cannot be pressed again. */
  pending: boolean;
}

/** The end of a form: its error, its confirmation and its submit button. */
export function FormActions({ error, errorTitle, saved, submitLabel, pending }: ActionsProps) {
  return (
    <>
      <ErrorRegion error={error} title={errorTitle} />
      <SuccessRegion message={saved} />
      <Group>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}

/**
 * A section that is one form: the heading, the fields, then `FormActions`. Submitting calls
 * `onSubmit` without reloading the page; the browser's own checks are off (the form shows its
 * own messages under each field). `after` follows the form inside the section.
 */
export function SectionForm({
  onSubmit,
  after,
  children,
  error,
  errorTitle,
  saved,
  submitLabel,
  pending,
  ...section
}: SectionProps & ActionsProps & { onSubmit: () => void; after?: ReactNode }) {
  return (
    <SectionCard {...section}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
      >
        <Stack gap={section.gap ?? 'sm'}>
          {children}
          <FormActions error={error} errorTitle={errorTitle} saved={saved} submitLabel={submitLabel} pending={pending} />
        </Stack>
      </form>
      {after}
    </SectionCard>
  );
}
