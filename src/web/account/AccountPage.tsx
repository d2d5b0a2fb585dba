import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { useMe } from '../auth/session';
import { usePageTitle } from '../layout/feedback';
import { roleLabel } from '../layout/format';
import { ContactCard } from '../contacts/ContactCard';
import { AlertDeliveryCard } from './AlertDeliveryCard';
import { ChangePasswordForm } from './ChangePasswordForm';
import { MfaCard } from './MfaCard';
import { SessionsCard } from './SessionsCard';
import { StaffProfileCard } from './StaffProfileCard';
import classes from '../layout/layout.module.css';

/** The signed-in person's own account: profile, a link to notification settings, password, two-step sign-in, devices. */
export function AccountPage() {
  const me = useMe();
  usePageTitle('Your account', me.service.name);
  return (
    <Stack gap="lg">
      <Title order={1}>Your account</Title>
      <Card withBorder padding="lg" component="section" aria-labelledby="profile-heading">
        <Title order={2} size="h3" id="profile-heading" mb="sm">
          Profile
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="dl" m={0}>
          <ProfileItem label="Name" value={me.user.displayName} />
          <ProfileItem label="E-mail" value={me.user.email} />
          <ProfileItem label="Role" value={<Badge variant="light">{roleLabel[me.user.role]}</Badge>} />
        </SimpleGrid>
        <Text size="sm" c="dimmed" mt="sm">
          To change your name or e-mail address, ask your service administrator.
        </Text>
      </Card>
      {me.user.role === 'participant' ? <ContactCard participantId={me.user.id} viewer="participant" /> : null}
      <Card withBorder padding="lg" component="section" aria-labelledby="notifications-heading">
        <Title order={2} size="h3" id="notifications-heading" mb="xs">
          Notifications
        </Title>
        <Text size="sm">
          {me.user.role === 'participant' ? 'Reminders before your sessions and for questionnaires waiting: ' : 'The session digest by e-mail, and how alerts reach you: '}
          <Anchor component={Link} to="/account/notifications" underline="always" data-testid="notification-settings-link">
            notification settings
          </Anchor>
          .
        </Text>
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="your-data-heading">
        <Title order={2} size="h3" id="your-data-heading" mb="xs">
          Your data
        </Title>
        <Text size="sm">
          Download a copy of everything {me.service.name} holds about you:{' '}
          <Anchor component={Link} to="/account/data" underline="always" data-testid="your-data-link">
            your data
          </Anchor>
          .
        </Text>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ChangePasswordForm />
        <MfaCard />
      </SimpleGrid>
      {me.user.role === 'clinician' ? <AlertDeliveryCard /> : null}
      {me.user.role === 'participant' ? null : <StaffProfileCard />}
      <SessionsCard />
    </Stack>
  );
}

function ProfileItem({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Group gap={4} align="flex-start" wrap="nowrap" style={{ flexDirection: 'column' }}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} className={classes.wrap}>
        {value}
      </Text>
    </Group>
  );
}
