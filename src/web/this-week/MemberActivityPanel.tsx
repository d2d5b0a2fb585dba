import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { Link } from 'react-router';
import type { groupActivitySchema, MemberActivity } from '../../shared/schemas/this-week';
import { api } from '../api/client';
import { formatDate } from '../layout/format';
import { QueryView } from '../layout/feedback';
import { thisWeekKeys } from './api';

type GroupActivity = z.infer<typeof groupActivitySchema>;
const enc = encodeURIComponent;

const LEVEL: Record<MemberActivity['level'], { label: string; color: string }> = {
  active: { label: 'Active lately', color: 'teal' },
  quiet: { label: 'Quiet lately', color: 'yellow' },
  none: { label: 'Nothing shared yet', color: 'gray' },
};

const ITEMS: { key: keyof MemberActivity['shared']; one: string; many: string }[] = [
  { key: 'goals', one: 'shared goal', many: 'shared goals' },
  { key: 'strategies', one: 'strategy', many: 'strategies' },
  { key: 'strategyMarks', one: 'strategy mark', many: 'strategy marks' },
  { key: 'appreciationsGiven', one: 'appreciation given', many: 'appreciations given' },
  { key: 'appreciationsReceived', one: 'appreciation received', many: 'appreciations received' },
  { key: 'feedbackRequests', one: 'feedback request', many: 'feedback requests' },
  { key: 'feedbackReplies', one: 'reply with feedback', many: 'replies with feedback' },
  { key: 'skillsEntries', one: 'shared skills entry', many: 'shared skills entries' },
  { key: 'celebrations', one: 'celebration', many: 'celebrations' },
];

function MemberCard({ member, windowDays, showRecordLink }: { member: MemberActivity; windowDays: number; showRecordLink: boolean }) {
  const level = LEVEL[member.level];
  const shared = ITEMS.filter((i) => member.shared[i.key] > 0);
  return (
    <Card withBorder padding="md" component="article" aria-label={`${member.pseudonym}: ${level.label}`}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <div>
            <Text fw={600}>{member.pseudonym}</Text>
            <Text size="sm" c="dimmed">
              {member.displayName}
              {member.status !== 'active' ? ` · ${member.status}` : ''}
            </Text>
          </div>
          <Badge color={level.color} variant="light">
            {level.label}
          </Badge>
        </Group>
        <Text size="sm">
          {member.recentCount} in the last {windowDays} days · last activity {member.lastActivityAt ? formatDate(member.lastActivityAt) : '—'}
        </Text>
        {shared.length > 0 ? (
          <Text size="sm" c="dimmed">
            {shared.map((i) => `${member.shared[i.key]} ${member.shared[i.key] === 1 ? i.one : i.many}`).join(' · ')}
          </Text>
        ) : null}
        {showRecordLink ? (
          <Anchor component={Link} to={`/records/${member.enrolmentId}`} size="sm">
            Open {member.pseudonym}'s record
          </Anchor>
        ) : null}
      </Stack>
    </Card>
  );
}

/**
 * Facilitator view: per member, what they chose to share with the group (never private items) and
 * how active they have been. For the group page (all members) or a record (one member).
 */
export function MemberActivityPanel({ groupId, enrolmentId }: { groupId?: string; enrolmentId?: string }) {
  const path = enrolmentId ? `/enrolments/${enc(enrolmentId)}/activity` : `/groups/${enc(groupId ?? '')}/member-activity`;
  const activity = useQuery({ queryKey: thisWeekKeys.memberActivity(path), queryFn: () => api<GroupActivity>('GET', path) });
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h3">
          {enrolmentId ? 'Shared in the group' : 'Member activity'}
        </Title>
        <Text size="sm" c="dimmed">
          Counted from what members chose to share with the group or their clinicians. Private goals, practice entries and journals are never included.
        </Text>
      </div>
      {groupId ? (
        <Group gap="md">
          <Anchor component={Link} to={`/groups/${groupId}/strategies`} size="sm">
            The group's coping strategies
          </Anchor>
          <Anchor component={Link} to={`/groups/${groupId}/feedback`} size="sm">
            Feedback requests
          </Anchor>
        </Group>
      ) : null}
      <QueryView query={activity} loadingLabel="Loading activity…">
        {(data) =>
          data.members.length === 0 ? (
            <Text size="sm">No members yet.</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: enrolmentId ? 1 : 2 }} spacing="sm">
              {data.members.map((m) => (
                <MemberCard key={m.enrolmentId} member={m} windowDays={data.windowDays} showRecordLink={!enrolmentId} />
              ))}
            </SimpleGrid>
          )
        }
      </QueryView>
    </Stack>
  );
}
