import { Box, Container, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { Brand } from './Brand';
import { SkipLink } from './SkipLink';
import classes from './layout.module.css';

/** Frame for pages seen before signing in: sign-in, invitations, MFA enrolment. */
export function PublicLayout({ children, serviceName = 'Hearth' }: { children: ReactNode; serviceName?: string }) {
  return (
    <div className={classes.publicPage}>
      <SkipLink />
      <Box component="header" px="md" py="sm" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between">
          <Brand name={serviceName} />
        </Group>
      </Box>
      <Container component="main" id="main-content" tabIndex={-1} size={480} px="md" py="xl" className={classes.main}>
        {children}
      </Container>
    </div>
  );
}

/** The card a signed-out page's form or message sits on. */
export function PublicCard({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder shadow="xs" p={{ base: 'md', xs: 'xl' }} radius="md" bg="white">
      {children}
    </Paper>
  );
}
