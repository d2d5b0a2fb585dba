import { Anchor, Badge, Button, Card, Group, Menu, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { GroupDetail, GroupMember } from '../api/types';
import { SuccessRegion } from '../layout/feedback';
import { formatDate } from '../layout/format';
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
    facilitator ? (
      <MemberActions member={m} onChange={(status) => setTarget({ enrolmentId: m.enrolmentId, name: m.pseudonym, status })} />
    ) : null;

  return (
    <Stack gap="md">
      <SuccessRegion message={done} />
      <Table.ScrollContainer minWidth={0} visibleFrom="md">
        <Table striped verticalSpacing="sm" bg="white">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name in group</Table.Th>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Attendance</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => (
              <Table.Tr key={m.enrolmentId}>
                <Table.Td fw={600}>{m.pseudonym}</Table.Td>
                <Table.Td className={classes.wrap}>
                  {m.displayName ?? '—'}
                  {m.email ? (
                    <Text size="xs" c="dimmed" className={classes.wrap}>
                      {m.email}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <StatusBadge member={m} />
                  {m.joinedAt ? (
                    <Text size="xs" c="dimmed">
                      Joined {formatDate(m.joinedAt)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatRate(m.attendanceRate)}</Table.Td>
                <Table.Td ta="right">{actions(m)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="sm" hiddenFrom="md" component="ul" className={classes.plainList} aria-label="Members">
        {members.map((m) => (
          <Card key={m.enrolmentId} withBorder padding="sm" component="li">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text fw={600}>{m.pseudonym}</Text>
                <Text size="sm" className={classes.wrap}>
                  {m.displayName ?? '—'}
                </Text>
              </div>
              <StatusBadge member={m} />
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              Attendance {formatRate(m.attendanceRate)}
              {m.joinedAt ? ` · joined ${formatDate(m.joinedAt)}` : ''}
            </Text>
            <Group mt="xs">{actions(m)}</Group>
          </Card>
        ))}
      </Stack>
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
