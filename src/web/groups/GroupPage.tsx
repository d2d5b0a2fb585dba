import { Anchor, Stack, Tabs, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import type { GroupDetail } from '../api/types';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { NotFoundPage } from '../layout/NotFoundPage';
import { WaitlistPanel } from '../pathway/WaitlistPanel';
import { useGroup } from './api';
import { GroupTitle } from './GroupTitle';
import { ExportsPanel } from './ExportsPanel';
import { GroupOverview } from './GroupOverview';
import { MembersPanel } from './MembersPanel';
import { ParticipantGroupView } from './ParticipantGroupView';
import { ScheduleEditor } from './ScheduleEditor';
import { SessionsPanel } from './SessionsPanel';
import { SettingsPanel } from './SettingsPanel';
import { MemberActivityPanel } from '../this-week/MemberActivityPanel';
import { SpaceLink } from '../space/SpaceLink';

type TabId = 'overview' | 'members' | 'activity' | 'referrals' | 'sessions' | 'schedule' | 'settings' | 'exports';

const TAB_LABELS: Record<TabId, string> = {
  overview: 'Overview',
  members: 'Members',
  activity: 'Activity',
  referrals: 'Waitlist & referrals',
  sessions: 'Sessions',
  schedule: 'Schedule',
  settings: 'Settings',
  exports: 'Exports',
};

/** One group. Facilitators and administrators get the working view in tabs; participants their own view. */
export function GroupPage() {
  const { groupId = '' } = useParams();
  const group = useGroup(groupId);
  const me = useMe();
  usePageTitle(group.data?.name ?? 'Group', me.service.name);

  if (group.isPending) return <PageLoader label="Loading the group…" />;
  if (group.error instanceof ApiError && group.error.status === 404) return <NotFoundPage />;
  if (group.error || !group.data) return <ErrorRegion error={group.error} title="We couldn't load this group" />;
  if (me.user.role === 'participant') return <ParticipantGroupView group={group.data} />;
  const facilitator = group.data.facilitators.some((f) => f.userId === me.user.id);
  return <StaffGroupView group={group.data} facilitator={facilitator} />;
}

function StaffGroupView({ group, facilitator }: { group: GroupDetail; facilitator: boolean }) {
  const [params, setParams] = useSearchParams();
  // Administrators run the schedule and settings; only facilitators reach people and notes.
  const tabs: TabId[] = facilitator
    ? ['overview', 'members', 'activity', 'referrals', 'sessions', 'schedule', 'settings', 'exports']
    : ['overview', 'members', 'sessions', 'schedule', 'settings', 'exports'];
  const requested = params.get('tab') as TabId | null;
  const tab: TabId = requested && tabs.includes(requested) ? requested : 'overview';
  const select = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (!value || value === 'overview') next.delete('tab');
    else next.set('tab', value);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="lg">
      <div>
        <GroupTitle group={group} />
        <Text c="dimmed">
          {facilitator ? (
            <Anchor component={Link} underline="always" to={`/programmes/${encodeURIComponent(group.programmeId)}`} state={{ fromGroup: { id: group.id, name: group.name } }}>
              {group.programmeName}
            </Anchor>
          ) : (
            group.programmeName
          )}{' '}
          · {group.kind === 'closed' ? 'Closed group (fixed cohort)' : 'Open group (rolling)'}
        </Text>
        {facilitator ? <SpaceLink groupId={group.id} /> : null}
      </div>
      <Tabs value={tab} onChange={select} variant="pills" keepMounted={false}>
        <Tabs.List aria-label="Group sections" mb="md">
          {tabs.map((id) => (
            <Tabs.Tab key={id} value={id}>
              {TAB_LABELS[id]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <GroupOverview group={group} facilitator={facilitator} onOpenTab={select} />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersPanel group={group} facilitator={facilitator} />
        </Tabs.Panel>
        {facilitator ? (
          <Tabs.Panel value="activity">
            <MemberActivityPanel groupId={group.id} />
          </Tabs.Panel>
        ) : null}
        {facilitator ? (
          <Tabs.Panel value="referrals">
            <WaitlistPanel group={group} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="sessions">
          <SessionsPanel group={group} facilitator={facilitator} />
        </Tabs.Panel>
        <Tabs.Panel value="schedule">
          <ScheduleEditor group={group} />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <SettingsPanel group={group} />
        </Tabs.Panel>
        <Tabs.Panel value="exports">
          <ExportsPanel group={group} facilitator={facilitator} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
