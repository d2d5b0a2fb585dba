import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { QueryView, usePageTitle } from '../layout/feedback';
import { useMyGroups } from '../groups/api';
import { AppreciationCard } from './AppreciationCard';
import { useMarkAppreciationsSeen, useMyAppreciations } from './api';

/** "My appreciations": what peers valued in what I shared, and what I sent. */
export function AppreciationsPage() {
  const me = useMe();
  usePageTitle('My appreciations', me.service.name);
  const mine = useMyAppreciations();
  const groups = useMyGroups();
  const seen = useMarkAppreciationsSeen();
  const marked = useRef(false);

  // Opening the page counts as having seen them; the "New" badges stay for this visit.
  useEffect(() => {
    if (mine.data && !marked.current) {
      marked.current = true;
      seen.mutate();
    }
  }, [mine.data, seen]);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>My appreciations</Title>
        <Text c="dimmed">Kind words from your group, and the ones you sent.</Text>
      </div>
      {groups.data && groups.data.groups.length > 0 ? (
        <Group gap="sm">
          {groups.data.groups.map((g) => (
            <Button key={g.id} component={Link} to={`/groups/${g.id}/appreciate`} variant="light">
              {groups.data.groups.length > 1 ? `Appreciate someone in ${g.name}` : 'Appreciate someone'}
            </Button>
          ))}
        </Group>
      ) : null}
      <QueryView query={mine} loadingLabel="Loading your appreciations…">
        {(data) => (
          <Tabs defaultValue="received" variant="outline">
            <Tabs.List aria-label="Appreciations">
              <Tabs.Tab value="received">Received ({data.received.length})</Tabs.Tab>
              <Tabs.Tab value="sent">Sent ({data.sent.length})</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="received" pt="md">
              {data.received.length === 0 ? (
                <Text>Appreciations people send you after sessions will be kept here.</Text>
              ) : (
                <Stack gap="sm">
                  {data.received.map((a) => (
                    <AppreciationCard key={a.id} appreciation={a} direction="received" />
                  ))}
                </Stack>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="sent" pt="md">
              {data.sent.length === 0 ? (
                <Text>You have not sent any yet. Telling someone what you valued in what they shared can mean a lot.</Text>
              ) : (
                <Stack gap="sm">
                  {data.sent.map((a) => (
                    <AppreciationCard key={a.id} appreciation={a} direction="sent" />
                  ))}
                </Stack>
              )}
            </Tabs.Panel>
          </Tabs>
        )}
      </QueryView>
    </Stack>
  );
}
