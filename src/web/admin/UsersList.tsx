import { Badge, Button, Card, Group, Menu, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { AdminUser } from '../api/types';
import { formatDateTime, roleLabel, statusColor, statusLabel } from '../layout/format';
import type { UserAction } from './api';
import classes from '../layout/layout.module.css';

interface Props {
  users: AdminUser[];
  selfId: string;
  onAction: (user: AdminUser, action: UserAction) => void;
}

/** The actions that make sense for an account in its current state. */
function actionsFor(user: AdminUser, selfId: string): { action: UserAction; label: string }[] {
  const actions: { action: UserAction; label: string }[] = [];
  if (user.status !== 'deactivated') {
    actions.push({ action: 'invitation', label: user.status === 'invited' ? 'New invitation link' : 'New set-password link' });
  }
  if (user.mfaEnabled) actions.push({ action: 'reset-mfa', label: 'Reset two-step sign-in' });
  if (user.status === 'deactivated') actions.push({ action: 'reactivate', label: 'Reactivate' });
  else if (user.id !== selfId) actions.push({ action: 'deactivate', label: 'Deactivate' });
  return actions;
}

function ActionsMenu({ user, selfId, onAction }: { user: AdminUser; selfId: string; onAction: Props['onAction'] }) {
  const actions = actionsFor(user, selfId);
  // Erasure is for participants (staff are deactivated instead): its own page shows the dry run first.
  const erasable = user.role === 'participant';
  if (actions.length === 0 && !erasable) return null;
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" size="xs" aria-label={`Actions for ${user.displayName}`}>
          Actions
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map(({ action, label }) => (
          <Menu.Item key={action} color={action === 'deactivate' ? 'red.9' : undefined} onClick={() => onAction(user, action)}>
            {label}
          </Menu.Item>
        ))}
        {erasable ? (
          <Menu.Item component={Link} to={`/admin/users/${encodeURIComponent(user.id)}/erasure`} color="red.9">
            {user.status === 'deactivated' ? 'Erasure…' : 'Erase personal data…'}
          </Menu.Item>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}

function StatusBadge({ user }: { user: AdminUser }) {
  return (
    <Badge color={statusColor[user.status]} variant="light">
      {statusLabel[user.status]}
    </Badge>
  );
}

/** Accounts as a table on wide screens and as a stacked list on phones. */
export function UsersList({ users, selfId, onAction }: Props) {
  if (users.length === 0) return <Text>No one matches these filters.</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={720} visibleFrom="md">
        <Table striped highlightOnHover verticalSpacing="sm" bg="white">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Two-step sign-in</Table.Th>
              <Table.Th scope="col">Last sign-in</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {u.displayName}
                    {u.id === selfId ? ' (you)' : ''}
                  </Text>
                  <Text size="xs" c="dimmed" className={classes.wrap}>
                    {u.email}
                  </Text>
                </Table.Td>
                <Table.Td>{roleLabel[u.role]}</Table.Td>
                <Table.Td>
                  <StatusBadge user={u} />
                </Table.Td>
                <Table.Td>{u.mfaEnabled ? 'On' : 'Off'}</Table.Td>
                <Table.Td>{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'Never'}</Table.Td>
                <Table.Td ta="right">
                  <ActionsMenu user={u} selfId={selfId} onAction={onAction} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Stack gap="sm" hiddenFrom="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="People">
        {users.map((u) => (
          <Card key={u.id} component="li" withBorder padding="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text fw={600}>
                  {u.displayName}
                  {u.id === selfId ? ' (you)' : ''}
                </Text>
                <Text size="sm" c="dimmed" className={classes.wrap}>
                  {u.email}
                </Text>
              </div>
              <StatusBadge user={u} />
            </Group>
            <Text size="sm" mt={4}>
              {roleLabel[u.role]} · Two-step sign-in {u.mfaEnabled ? 'on' : 'off'}
            </Text>
            <Text size="sm" c="dimmed">
              Last sign-in: {u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'never'}
            </Text>
            <Group mt="xs">
              <ActionsMenu user={u} selfId={selfId} onAction={onAction} />
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  );
}
