import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { ApiError } from '../api/client';

/** Plain-language text for any error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}

/**
 * A live region that announces form errors. The region stays in the page so screen readers
 * notice when a message appears in it.
 */
export function ErrorRegion({ error, title }: { error: unknown; title?: string }) {
  return (
    <div aria-live="assertive" aria-atomic="true">
      {error ? (
        <Alert color="red" variant="light" title={title ?? 'That did not work'} role="alert">
          <Text size="sm">{errorMessage(error)}</Text>
          {error instanceof ApiError && error.requestId ? (
            <Text size="xs" c="dimmed" mt={4}>
              Reference: {error.requestId}
            </Text>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}

/** A polite live region for confirmations ("Password changed"). */
export function SuccessRegion({ message }: { message: string | null }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {message ? (
        <Alert color="green" variant="light" role="status">
          <Text size="sm">{message}</Text>
        </Alert>
      ) : null}
    </div>
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
