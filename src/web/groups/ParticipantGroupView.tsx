import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { GroupDetail } from '../api/types';
import { useMe } from '../auth/session';
import { QueryView } from '../layout/feedback';
import { AgreementCallout } from '../participant/AgreementCallout';
import { needsAgreement, useMyEnrolments } from '../participant/api';
import { SessionList } from '../participant/SessionList';
import { SpaceLink } from '../space/SpaceLink';
import { useGroupSessions } from './api';
import { GroupTitle } from './GroupTitle';

/** A member's view of their group: when it meets, who runs it, who is in it (by group name only). */
export function ParticipantGroupView({ group }: { group: GroupDetail }) {
  const me = useMe();
  const enrolments = useMyEnrolments();
  const sessions = useGroupSessions(group.id, 'upcoming', 6);
  const mine = enrolments.data?.enrolments.find((e) => e.groupId === group.id);
  const current = group.members.filter((m) => m.status === 'active' || m.status === 'invited' || m.status === 'paused');

  return (
    <Stack gap="lg">
      <div>
        <GroupTitle group={group} />
        <Text c="dimmed">
          Part of {group.programmeName}
          {mine ? ` · in the group you are "${mine.pseudonym}"` : ''}
        </Text>
      </div>
      {mine && needsAgreement(mine) ? <AgreementCallout enrolment={mine} /> : null}
      {mine?.status === 'active' && !needsAgreement(mine) ? <SpaceLink groupId={group.id} /> : null}
      <Card withBorder padding="lg" component="section" aria-labelledby="next-sessions-heading">
        <Title order={2} size="h3" id="next-sessions-heading" mb="sm">
          Coming up
        </Title>
        <QueryView query={sessions} loadingLabel="Loading sessions…">
          {({ sessions: list }) => (
            <SessionList
              sessions={list.map((s) => ({ ...s, groupName: group.name, location: group.location, meetingUrl: group.meetingUrl }))}
              showGroup={false}
              empty="No sessions are planned yet. Your facilitators will add them."
            />
          )}
        </QueryView>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="lg" component="section" aria-labelledby="facilitators-heading">
          <Title order={2} size="h3" id="facilitators-heading" mb="sm">
            Facilitators
          </Title>
          {group.facilitators.length === 0 ? (
            <Text size="sm">No facilitator has been named yet.</Text>
          ) : (
            <List spacing={4}>
              {group.facilitators.map((f) => (
                <List.Item key={f.userId}>
                  <Text span fw={600}>
                    {f.displayName}
                  </Text>{' '}
                  <Text span size="sm" c="dimmed">
                    {f.role === 'lead' ? 'Lead facilitator' : 'Co-facilitator'}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="members-heading">
          <Title order={2} size="h3" id="members-heading" mb="xs">
            People in your group
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Inside the group, everyone uses a chosen name to keep things private.
          </Text>
          {current.length === 0 ? (
            <Text size="sm">Nobody has joined yet.</Text>
          ) : (
            <List spacing={4}>
              {current.map((m) => (
                <List.Item key={m.enrolmentId}>
                  {m.pseudonym}
                  {m.enrolmentId === mine?.id || (m.userId && m.userId === me.user.id) ? ' (you)' : ''}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
