import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useLocation } from 'react-router';
import type { AdminUser, Role, UserStatus } from '../api/types';
import { useMe } from '../auth/session';
import { QueryView, SuccessRegion, usePageTitle } from '../layout/feedback';
import { roleLabel, statusLabel } from '../layout/format';
import { useUsers, type UserAction } from './api';
import { InviteUserModal } from './InviteUserModal';
import { UserActionModal } from './UserActionModal';
import { UsersList } from './UsersList';

interface UsersLocationState {
  invite?: boolean;
  status?: UserStatus;
}

/** Administrators manage accounts here: find, invite, deactivate, reset MFA, reissue links. */
export function UsersPage() {
  const me = useMe();
  usePageTitle('People', me.service.name);
  const state = (useLocation().state ?? {}) as UsersLocationState;
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [status, setStatus] = useState<UserStatus | ''>(state.status ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const users = useUsers({ q: debouncedQ, role, status });
  const [inviting, setInviting] = useState(!!state.invite);
  const [target, setTarget] = useState<{ user: AdminUser; action: UserAction } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>People</Title>
          <Text c="dimmed">Staff and participant accounts of {me.service.name}.</Text>
        </div>
        <Button onClick={() => setInviting(true)}>Invite someone</Button>
      </Group>

      <form role="search" aria-label="Filter people" onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label="Search by name or e-mail" type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <NativeSelect
            label="Role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role | '')}
            data={[{ value: '', label: 'All roles' }, ...(['admin', 'clinician', 'participant'] as const).map((r) => ({ value: r, label: roleLabel[r] }))]}
          />
          <NativeSelect
            label="Status"
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as UserStatus | '')}
            data={[{ value: '', label: 'Any status' }, ...(['active', 'invited', 'deactivated'] as const).map((s) => ({ value: s, label: statusLabel[s] }))]}
          />
        </SimpleGrid>
      </form>

      <SuccessRegion message={message} />

      <QueryView query={users} loadingLabel="Loading people…">
        {({ users: list }) => (
          <>
            <Text size="sm" aria-live="polite">
              {list.length === 1 ? '1 person' : `${list.length} people`}
            </Text>
            <UsersList
              users={list}
              selfId={me.user.id}
              onAction={(user, action) => {
                setMessage(null);
                setTarget({ user, action });
              }}
            />
          </>
        )}
      </QueryView>

      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
      <UserActionModal target={target} onClose={() => setTarget(null)} onDone={setMessage} />
    </Stack>
  );
}
