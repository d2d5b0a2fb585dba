import { Badge, Button, Menu, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AdminUser } from '../api/types';
import { formatDateTime, roleLabel, statusColor, statusLabel } from '../layout/format';
import { ResponsiveTable, type Column } from '../layout/ResponsiveTable';
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
  const columns: Column<AdminUser>[] = [
    {
      key: 'name',
      header: 'Name',
      card: 'title',
      cell: (u) => (
        <>
          <Text fw={600} size="sm">
            {u.displayName}
            {u.id === selfId ? ' (you)' : ''}
          </Text>
          <Text size="xs" c="dimmed" className={classes.wrap}>
            {u.email}
          </Text>
        </>
      ),
      cardCell: (u) => (
        <>
          {u.displayName}
          {u.id === selfId ? ' (you)' : ''}
          <Text size="sm" fw={400} c="dimmed" className={classes.wrap}>
            {u.email}
          </Text>
        </>
      ),
    },
    { key: 'role', header: 'Role', cell: (u) => roleLabel[u.role] },
    { key: 'status', header: 'Status', card: 'aside', cell: (u) => <StatusBadge user={u} /> },
    { key: 'mfa', header: 'Two-step sign-in', cell: (u) => (u.mfaEnabled ? 'On' : 'Off') },
    { key: 'last', header: 'Last sign-in', cell: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'Never') },
    { key: 'actions', header: 'Actions', hideHeader: true, card: 'actions', td: { ta: 'right' }, cell: (u) => <ActionsMenu user={u} selfId={selfId} onAction={onAction} /> },
  ];
  return <ResponsiveTable rows={users} columns={columns} rowKey={(u) => u.id} label="People" minWidth={720} highlightOnHover />;
}
