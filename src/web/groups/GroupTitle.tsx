import { Badge, Group, Title } from '@mantine/core';
import type { GroupDetail } from '../api/types';
import { groupStatusColor, groupStatusLabel } from './api';

/** The group's name as the page's heading, with its status beside it: the staff's group page and a member's view. */
export function GroupTitle({ group }: { group: Pick<GroupDetail, 'name' | 'status'> }) {
  return (
    <Group gap="sm" align="center">
      <Title order={1}>{group.name}</Title>
      <Badge color={groupStatusColor[group.status]} variant="light">
        {groupStatusLabel[group.status]}
      </Badge>
    </Group>
  );
}
