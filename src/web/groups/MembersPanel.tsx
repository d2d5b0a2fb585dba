import { Anchor, Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { GroupDetail, GroupMember } from '../api/types';
import { SuccessRegion } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { ResponsiveTable, type Column } from '../layout/ResponsiveTable';
import { formatRate, memberStatusColor, memberStatusLabel } from './api';
import { allowedChanges, changeCopy, MemberStatusModal, type StatusChange } from './MemberStatusModal';
import classes from '../layout/layout.module.css';

interface Props {
  group: GroupDetail;
  facilitator: boolean;
}

type Target = { enrolmentId: string; name: string; status: StatusChange } | null;

/** Everyone enrolled, with status and attendance; facilitators open records and change memberships. */
export function MembersPanel({ group, facilitator }: Props) {
  const [target, setTarget] = useState<Target>(null);
  const [done, setDone] = useState<string | null>(null);
  const members = group.members;
  if (members.length === 0) return <Text>Nobody is enrolled yet.</Text>;

  const actions = (m: GroupMember) =>
    facilitator ? <MemberActions member={m} onChange={(status) => setTarget({ enrolmentId: m.enrolmentId, name: m.pseudonym, status })} /> : null;

  const columns: Column<GroupMember>[] = [
    { key: 'name', header: 'Name in group', card: 'title', cell: (m) => m.pseudonym, td: { fw: 600 } },
    {
      key: 'person',
      header: 'Person',
      card: 'title',
      td: { className: classes.wrap },
      cell: (m) => (
        <>
          {m.displayName ?? '—'}
          {m.email ? (
            <Text size="xs" c="dimmed" className={classes.wrap}>
              {m.email}
            </Text>
          ) : null}
        </>
      ),
      cardCell: (m) => m.displayName ?? '—',
    },
    {
      key: 'status',
      header: 'Status',
      card: 'aside',
      cell: (m) => (
        <>
          <StatusBadge member={m} />
          {m.joinedAt ? (
            <Text size="xs" c="dimmed">
              Joined {formatDate(m.joinedAt)}
            </Text>
          ) : null}
        </>
      ),
      cardCell: (m) => <StatusBadge member={m} />,
    },
    {
      key: 'attendance',
      header: 'Attendance',
      card: 'detail',
      cell: (m) => formatRate(m.attendanceRate),
      cardCell: (m) => (
        <Text span size="sm" c="dimmed">
          Attendance {formatRate(m.attendanceRate)}
          {m.joinedAt ? ` · joined ${formatDate(m.joinedAt)}` : ''}
        </Text>
      ),
    },
    { key: 'actions', header: 'Actions', hideHeader: true, card: 'actions', td: { ta: 'right' }, cell: actions },
  ];

  return (
    <Stack gap="md">
      <SuccessRegion message={done} />
      <ResponsiveTable rows={members} columns={columns} rowKey={(m) => m.enrolmentId} label="Members" />
      <MemberStatusModal groupId={group.id} target={target} onClose={() => setTarget(null)} onDone={setDone} />
    </Stack>
  );
}

function StatusBadge({ member }: { member: GroupMember }) {
  return (
    <Badge color={memberStatusColor[member.status]} variant="light" style={{ flexShrink: 0 }}>
      {memberStatusLabel[member.status]}
    </Badge>
  );
}

function MemberActions({ member, onChange }: { member: GroupMember; onChange: (status: StatusChange) => void }) {
  const changes = allowedChanges[member.status];
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Anchor component={Link} to={`/records/${member.enrolmentId}`} size="sm" aria-label={`Record of ${member.pseudonym}`}>
        Record
      </Anchor>
      {changes.length > 0 ? (
        <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
          <Menu.Target>
            <Button variant="default" size="xs" aria-label={`Change membership of ${member.pseudonym}`}>
              Change
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {changes.map((status) => (
              <Menu.Item key={status} color={changeCopy[status].danger ? 'red.9' : undefined} onClick={() => onChange(status)}>
                {changeCopy[status].action}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ) : null}
    </Group>
  );
}
