import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from './feedback';

/** Unknown addresses, and pages this person may not see (deny by default: same answer). */
export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <Stack gap="md" py="xl" maw={560}>
      <Title order={1}>We couldn't find that page</Title>
      <Text>The address may be mistyped, or the page may have moved or may not be available to your account.</Text>
      <div>
        <Button component={Link} to="/">
          Go to your home page
        </Button>
      </div>
    </Stack>
  );
}
