import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useUsers } from '../admin/api';
import type { AdminUser } from '../api/types';
import { useMe } from '../auth/session';
import { useMyGroups } from '../groups/api';
import { GroupCards } from '../groups/GroupCards';
import { QueryView, usePageTitle } from '../layout/feedback';
import { roleLabel, statusLabel } from '../layout/format';

function count(users: AdminUser[], predicate: (u: AdminUser) => boolean): number {
  return users.filter(predicate).length;
}

/** Administrator's overview: who has an account, what needs attention, where to go next. */
export function AdminHome() {
  const me = useMe();
  usePageTitle('Overview', me.service.name);
  const users = useUsers();
  const groups = useMyGroups();

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Overview</Title>
        <Text c="dimmed">{me.service.name}: accounts and activity.</Text>
      </div>
      <QueryView query={users} loadingLabel="Loading accounts…">
        {({ users: list }) => {
          const staffWithoutMfa = count(list, (u) => u.role !== 'participant' && u.status === 'active' && !u.mfaEnabled);
          return (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              <StatCard
                title="People by role"
                rows={(['admin', 'clinician', 'participant'] as const).map((role) => [`${roleLabel[role]}s`, count(list, (u) => u.role === role && u.status !== 'deactivated')])}
                footer={
                  <Anchor component={Link} to="/admin/users">
                    Manage people
                  </Anchor>
                }
              />
              <StatCard
                title="Accounts by status"
                rows={(['active', 'invited', 'deactivated'] as const).map((status) => [statusLabel[status], count(list, (u) => u.status === status)])}
                footer={
                  <Anchor component={Link} to="/admin/users" state={{ status: 'invited' }}>
                    See pending invitations
                  </Anchor>
                }
              />
              <StatCard
                title="Security"
                rows={[
                  ['Active staff without two-step sign-in', staffWithoutMfa],
                  ['Never signed in', count(list, (u) => u.status !== 'deactivated' && !u.lastSignInAt)],
                ]}
                footer={
                  <Anchor component={Link} to="/admin/audit">
                    Open the audit log
                  </Anchor>
                }
              />
            </SimpleGrid>
          );
        }}
      </QueryView>
      <Group>
        <Button component={Link} to="/admin/users" state={{ invite: true }}>
          Invite someone
        </Button>
        <Button component={Link} to="/groups/new" variant="default">
          New group
        </Button>
        <Button component={Link} to="/admin/programmes/new" variant="default">
          New programme
        </Button>
      </Group>
      <section aria-labelledby="admin-groups">
        <Group justify="space-between" mb="sm">
          <Title order={2} id="admin-groups">
            Groups
          </Title>
          <Anchor component={Link} to="/admin/programmes">
            Programmes and groups
          </Anchor>
        </Group>
        <QueryView query={groups} loadingLabel="Loading groups…">
          {({ groups: list }) =>
            list.length === 0 ? (
              <Text>
                No groups have been set up yet.{' '}
                <Anchor component={Link} to="/groups/new">
                  Create the first group
                </Anchor>
              </Text>
            ) : (
              <GroupCards groups={list} />
            )
          }
        </QueryView>
      </section>
    </Stack>
  );
}

function StatCard({ title, rows, footer }: { title: string; rows: [string, number][]; footer: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <dl style={{ margin: 0 }}>
        {rows.map(([label, value]) => (
          <Group key={label} justify="space-between" py={4} wrap="nowrap">
            <Text component="dt" size="sm">
              {label}
            </Text>
            <Text component="dd" fw={700} size="lg" m={0}>
              {value}
            </Text>
          </Group>
        ))}
      </dl>
      <Text size="sm" mt="sm">
        {footer}
      </Text>
    </Card>
  );
}
