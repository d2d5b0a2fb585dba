import { Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The page a signed-out link lands on when it cannot be used (incomplete, expired, used, for
 * someone else): what went wrong as the page's heading, what to do next, and the way to sign in.
 * The invitation page and the offer's answer page show it.
 */
export function LinkProblem({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text>{children}</Text>
      <Button component={Link} to="/sign-in" variant="default">
        Go to sign in
      </Button>
    </Stack>
  );
}
