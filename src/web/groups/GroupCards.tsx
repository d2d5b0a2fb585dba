import { Anchor, Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { GroupSummary } from '../api/types';
import { groupStatusColor, groupStatusLabel } from './api';

/**
 * The service's groups as a list of cards (name linking to the group, its status, programme and
 * member count), one to three a row: the admin's overview and the programmes-and-groups page.
 * `tab` opens the group on that tab (`?tab=settings`).
 */
export function GroupCards({ groups, tab }: { groups: GroupSummary[]; tab?: string }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {groups.map((g) => (
        <Card key={g.id} withBorder padding="md" component="li">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Anchor component={Link} to={tab ? `/groups/${g.id}?tab=${tab}` : `/groups/${g.id}`} fw={600}>
              {g.name}
            </Anchor>
            <Badge color={groupStatusColor[g.status]} variant="light">
              {groupStatusLabel[g.status]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {g.programmeName} · {g.memberCount} {g.memberCount === 1 ? 'member' : 'members'}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
