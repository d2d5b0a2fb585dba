import { Alert, Anchor, Grid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/session';
import { PageLoader, QueryView, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useSpaceOverview, type SpaceOverview } from './api';
import { Conversation } from './Conversation';
import { useConnectionState } from './hooks';
import { ReportsPanel } from './ReportsPanel';
import { ThreadList } from './ThreadList';
import { useLiveSpace } from './useLiveSpace';

/** The group space: conversations on the left (or first, on a phone), the open one on the right. */
export function SpacePage() {
  const { groupId = '', threadKey } = useParams();
  const overview = useSpaceOverview(groupId);
  usePageTitle('Group space', useMe().service.name);
  return (
    <QueryView query={overview} loadingLabel="Opening the group space…">
      {(data) => <SpaceLayout key={data.groupId} overview={data} threadKey={threadKey ?? null} />}
    </QueryView>
  );
}

function SpaceLayout({ overview, threadKey }: { overview: SpaceOverview; threadKey: string | null }) {
  const open = threadKey ?? 'chat';
  // Followed once from where the page loaded; the socket client then tracks the position itself
  // (a refreshed overview must not restart the subscription).
  const [startSeq] = useState(overview.lastSeq);
  const live = useLiveSpace(overview.groupId, startSeq, open);
  const connection = useConnectionState();
  const wide = useMediaQuery('(min-width: 62em)') ?? false;
  if (live.revoked) {
    return (
      <Alert color="gray" title="You are no longer in this group’s space" role="alert">
        Your membership changed, so the conversation has closed. Your facilitators can tell you more.
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/groups/${overview.groupId}`} size="sm">
          ← {overview.groupName}
        </Anchor>
        <Title order={1}>Group space</Title>
        <Text c="dimmed" size="sm">
          {overview.me.role === 'member' ? `You appear as “${overview.me.label}”.` : `Members see you as “${overview.me.label}”.`} Please keep to your group agreement.
        </Text>
      </div>
      <StaffingBanner overview={overview} />
      {connection !== 'open' ? (
        <Text size="sm" c="dimmed" role="status">
          {connection === 'connecting' ? 'Connecting…' : 'Reconnecting… New messages will appear when the connection is back.'}
        </Text>
      ) : null}
      <Grid gap="lg">
        {wide || !threadKey ? (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <ThreadList overview={overview} current={wide || threadKey ? open : null} />
          </Grid.Col>
        ) : null}
        {/* On a phone the list and the conversation are two screens: an unopened conversation is not read. */}
        {wide || threadKey ? (
          <Grid.Col span={{ base: 12, md: 8 }}>
            {overview.threads.some((t) => t.key === open) ? (
              <Conversation key={open} overview={overview} thread={open} live={live.posts} retracted={live.retracted} />
            ) : (
              <PageLoader label="Loading the conversation…" />
            )}
          </Grid.Col>
        ) : null}
      </Grid>
      {overview.me.role === 'staff' ? <ReportsPanel groupId={overview.groupId} /> : null}
    </Stack>
  );
}

/** Outside staffed hours, posts wait for a facilitator: members are told before they write. */
function StaffingBanner({ overview }: { overview: SpaceOverview }) {
  const { staffing } = overview;
  if (staffing.staffedNow && staffing.moderationMode === 'post') return null;
  if (staffing.moderationMode === 'pre') {
    return (
      <Alert color="blue" variant="light" title="A facilitator reads posts first">
        In this group, messages appear once a facilitator has read them.
      </Alert>
    );
  }
  return (
    <Alert color="yellow" variant="light" title="The space is unstaffed now" data-testid="unstaffed-banner">
      Posts are held until a facilitator is back{staffing.nextStaffedAt ? ` at ${formatDateTime(staffing.nextStaffedAt)}` : ''}. If you need help now, use your safety plan or call
      the crisis line.
    </Alert>
  );
}
