import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { GroupSummary } from '../api/types';
import { useMe } from '../auth/session';
import { groupStatusColor, groupStatusLabel, useMyGroups } from '../groups/api';
import { IsolationPanel } from '../isolation/IsolationPanel';
import { QueryView, SuccessRegion, usePageTitle } from '../layout/feedback';
import { formatInZone } from '../layout/time';
import { MyReferrals } from '../pathway/MyReferrals';
import { ReferModal } from '../pathway/ReferModal';
import { UrgentAlertsBanner } from './UrgentAlertsBanner';
import classes from '../layout/layout.module.css';

const myRoleLabel: Record<GroupSummary['myRole'], string> = {
  lead: 'Lead facilitator',
  co: 'Co-facilitator',
  member: 'Member',
  admin: 'Administrator',
};

/** A clinician's starting point: the groups they facilitate, referring someone, and their referrals. */
export function ClinicianHome() {
  const me = useMe();
  usePageTitle('My groups', me.service.name);
  const groups = useMyGroups();
  const [referring, setReferring] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      <UrgentAlertsBanner />
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>My groups</Title>
          <Text c="dimmed">Hello {me.user.displayName}. These are the groups you facilitate.</Text>
        </div>
        <Group gap="sm">
          <Button component={Link} to="/groups/new" variant="default">
            New group
          </Button>
          <Button onClick={() => setReferring(true)}>Refer someone</Button>
        </Group>
      </Group>
      <SuccessRegion message={done} />
      <QueryView query={groups} loadingLabel="Loading your groups…">
        {({ groups: list }) =>
          list.length === 0 ? (
            <Text>You are not facilitating any groups yet. An administrator can add you to a group.</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" className={classes.plainList}>
              {list.map((g) => (
                <Card key={g.id} withBorder padding="md" component="li">
                  <Stack gap={6}>
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <Title order={2} size="h4">
                        <Anchor component={Link} to={`/groups/${g.id}`} inherit>
                          {g.name}
                        </Anchor>
                      </Title>
                      <Badge color={groupStatusColor[g.status]} variant="light" style={{ flexShrink: 0 }}>
                        {groupStatusLabel[g.status]}
                      </Badge>
                    </Group>
                    <Text size="sm">{g.programmeName}</Text>
                    <Text size="sm">
                      <Text span fw={600} size="sm">
                        Next session:
                      </Text>{' '}
                      {g.nextSessionAt ? formatInZone(g.nextSessionAt, g.timezone) : 'none planned'}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {myRoleLabel[g.myRole]} · {g.memberCount} {g.memberCount === 1 ? 'member' : 'members'}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </QueryView>
      <IsolationPanel />
      <section aria-labelledby="referrals-heading">
        <Title order={2} id="referrals-heading" mb="sm">
          My referrals
        </Title>
        <MyReferrals />
      </section>
      <ReferModal opened={referring} onClose={() => setReferring(false)} onDone={setDone} />
    </Stack>
  );
}
