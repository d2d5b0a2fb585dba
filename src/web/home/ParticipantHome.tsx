import { Anchor, Badge, Button, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { GroupSummary } from '../api/types';
import { useMe } from '../auth/session';
import { groupStatusColor, groupStatusLabel, useGroup, useMyGroups } from '../groups/api';
import { ErrorRegion, QueryView, usePageTitle } from '../layout/feedback';
import { AgreementCallout } from '../participant/AgreementCallout';
import { needsAgreement, useMyEnrolments, useNotifications } from '../participant/api';
import { NotificationItems } from '../participant/NotificationsPage';
import { useMySpaces } from '../space/api';
import { useThisWeek } from '../this-week/api';
import { ConnectionsCard } from '../this-week/ConnectionsCard';
import { AppreciationsCard, CelebrationsCard, GroupExchangeCard } from '../this-week/ExchangeCards';
import { DueCheckinsCard, GoalsCard, NextSessionCard } from '../this-week/PlanCards';

/**
 * A participant's starting point: anything to do first, then "this week" (next session, check-ins,
 * goals, appreciations, what the group shared, celebrations), "Your connections" (which they can
 * hide), news, and their groups.
 */
export function ParticipantHome() {
  const me = useMe();
  usePageTitle('Home', me.service.name);
  const groups = useMyGroups();
  const enrolments = useMyEnrolments();
  const week = useThisWeek();
  const notifications = useNotifications();
  const toAccept = enrolments.data?.enrolments.filter(needsAgreement) ?? [];
  const unread = notifications.data?.notifications.filter((n) => !n.readAt) ?? [];
  const newcomer = toAccept.some((e) => e.status === 'invited');
  const spaces = useMySpaces().data?.spaces ?? [];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Hello, {me.user.displayName}</Title>
        <Text c="dimmed">{newcomer ? "Welcome to Hearth. We're glad you're here." : "Welcome back. It's good to see you."}</Text>
      </div>
      {toAccept.map((e) => (
        <AgreementCallout key={e.id} enrolment={e} />
      ))}
      {spaces.length > 0 ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="space-heading">
          <Title order={2} size="h3" id="space-heading" mb="xs">
            Your group space
          </Title>
          <Stack gap="xs">
            {spaces.map((s) => (
              <Group key={s.groupId} justify="space-between" wrap="wrap" gap="xs">
                <Text>
                  {spaces.length > 1 ? `${s.groupName}: ` : ''}
                  {s.unread > 0 ? `${s.unread} new message${s.unread === 1 ? '' : 's'} since you last looked.` : 'You are up to date. Say hello, or see what the group is sharing.'}
                </Text>
                <Button component={Link} to={`/groups/${s.groupId}/space`} data-testid="home-open-space">
                  {s.unread > 0 ? 'Read and reply' : 'Open the group space'}
                </Button>
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
      <section aria-labelledby="this-week-heading">
        <Title order={2} id="this-week-heading" mb="sm">
          This week
        </Title>
        <QueryView query={week} loadingLabel="Loading your week…">
          {(data) => (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <NextSessionCard week={data} />
              <DueCheckinsCard week={data} />
              <GoalsCard week={data} />
              <AppreciationsCard week={data} />
              <GroupExchangeCard week={data} />
              <CelebrationsCard week={data} />
            </SimpleGrid>
          )}
        </QueryView>
      </section>
      <ConnectionsCard />
      {unread.length > 0 ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="news-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="news-heading">
              News from your groups
            </Title>
            <Anchor component={Link} to="/notifications" size="sm">
              All notifications
            </Anchor>
          </Group>
          <NotificationItems items={unread.slice(0, 3)} headingLevel={3} />
        </Card>
      ) : null}
      <section aria-labelledby="groups-heading">
        <Title order={2} id="groups-heading" mb="sm">
          Your groups
        </Title>
        <QueryView query={groups} loadingLabel="Loading your groups…">
          {({ groups: list }) =>
            list.length === 0 ? (
              <Card withBorder padding="lg">
                <Text>You are not in a group yet. When your clinician adds you to one, you will find it here.</Text>
              </Card>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                {list.map((g) => (
                  <GroupCard key={g.id} group={g} />
                ))}
              </SimpleGrid>
            )
          }
        </QueryView>
      </section>
    </Stack>
  );
}

function GroupCard({ group }: { group: GroupSummary }) {
  const detail = useGroup(group.id);
  const headingId = `group-${group.id}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} id={headingId}>
            <Anchor component={Link} to={`/groups/${group.id}`} inherit>
              {group.name}
            </Anchor>
          </Title>
          <Badge color={groupStatusColor[group.status]} variant="light" style={{ flexShrink: 0 }}>
            {groupStatusLabel[group.status]}
          </Badge>
        </Group>
        <Text size="sm">Part of {group.programmeName}</Text>
        <div>
          <Title order={4} size="h5" mb={4}>
            Your facilitators
          </Title>
          {detail.isPending ? (
            <Loader size="sm" role="status" aria-label="Loading facilitators" />
          ) : detail.error ? (
            <ErrorRegion error={detail.error} title="We couldn't load the facilitators" />
          ) : detail.data && detail.data.facilitators.length > 0 ? (
            <List size="sm" spacing={2}>
              {detail.data.facilitators.map((f) => (
                <List.Item key={f.userId}>
                  {f.displayName}
                  {f.role === 'lead' ? ' (leads the group)' : ''}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">No facilitator has been named yet.</Text>
          )}
        </div>
      </Stack>
    </Card>
  );
}
