import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate } from 'react-router';
import { useMyGroups } from '../groups/api';
import { QueryView } from '../layout/feedback';

/**
 * The participant's way into a group-scoped page (strategies, feedback): straight to it with one
 * group, a choice with several.
 */
export function GroupPicker({ section, title }: { section: 'strategies' | 'feedback'; title: string }) {
  const groups = useMyGroups();
  return (
    <QueryView query={groups} loadingLabel="Loading your groups…">
      {({ groups: list }) => {
        const only = list.length === 1 ? list[0] : undefined;
        if (only) return <Navigate to={`/groups/${only.id}/${section}`} replace />;
        return (
          <Stack gap="lg">
            <Title order={1}>{title}</Title>
            {list.length === 0 ? (
              <Text>You are not in a group yet. When you join one, you will find it here.</Text>
            ) : (
              <Stack gap="sm">
                {list.map((g) => (
                  <Card key={g.id} withBorder padding="md">
                    <Anchor component={Link} to={`/groups/${g.id}/${section}`} fw={600}>
                      {g.name}
                    </Anchor>
                  </Card>
                ))}
              </Stack>
            )}
          </Stack>
        );
      }}
    </QueryView>
  );
}
