import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { ApiError } from '../api/client';

/** Plain-language text for any error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}

/**
 * A form or page error. role="alert" (an assertive live region) makes screen readers read it out
 * as soon as it appears; nothing is rendered while there is no error, so it takes no space.
 */
export function ErrorRegion({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title ?? 'That did not work'} role="alert" aria-live="assertive">
      <Text size="sm">{errorMessage(error)}</Text>
      {error instanceof ApiError && error.requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          Reference: {error.requestId}
        </Text>
      ) : null}
    </Alert>
  );
}

/** A confirmation ("Password changed"), read out politely when it appears. */
export function SuccessRegion({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="green" variant="light" role="status" aria-live="polite">
      <Text size="sm">{message}</Text>
    </Alert>
  );
}

export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status">
      <Stack align="center" gap="xs">
        <Loader aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

/** Shows a loader, an error or the content of a query. */
export function QueryView<T>({
  query,
  children,
  loadingLabel,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}) {
  if (query.isPending) return <PageLoader label={loadingLabel} />;
  if (query.error || query.data === undefined) return <ErrorRegion error={query.error} title="We couldn't load this" />;
  return <>{children(query.data)}</>;
}

/** Sets the browser tab title: "Page · Hearth". */
export function usePageTitle(title: string, serviceName = 'Hearth'): void {
  useEffect(() => {
    document.title = title ? `${title} · ${serviceName}` : serviceName;
  }, [title, serviceName]);
}
