import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { NotFoundPage } from '../layout/NotFoundPage';
import { formatRangeInZone } from '../layout/time';
import { NoteSection } from '../notes/NoteSection';
import { sessionStatusColor, sessionStatusLabel, useSessionDetail } from './api';
import { AttendanceGrid } from './AttendanceGrid';
import { PlanCard } from './PlanCard';
import classes from '../layout/layout.module.css';

/** One session: its plan, and for facilitators the attendance grid and the group note. */
export function SessionPage() {
  const { sessionId = '' } = useParams();
  const me = useMe();
  const detail = useSessionDetail(sessionId);
  const s = detail.data?.session;
  usePageTitle(s ? `Session ${s.number ?? ''}: ${s.topic}` : 'Session', me.service.name);

  if (detail.isPending) return <PageLoader label="Loading the session…" />;
  if (detail.error instanceof ApiError && detail.error.status === 404) return <NotFoundPage />;
  if (detail.error || !detail.data || !s) return <ErrorRegion error={detail.error} title="We couldn't load this session" />;
  const data = detail.data;
  const participant = me.user.role === 'participant';
  const facilitator = me.user.role === 'clinician';

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/groups/${s.groupId}${participant ? '' : '?tab=sessions'}`} size="sm">
          {data.groupName}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1}>
            {s.number ? `Session ${s.number}: ` : ''}
            {s.topic}
          </Title>
          <Badge color={sessionStatusColor[s.status]} variant="light">
            {sessionStatusLabel[s.status]}
          </Badge>
        </Group>
        <Text>{formatRangeInZone(s.startsAt, s.endsAt, s.timezone)}</Text>
        {s.status === 'cancelled' ? null : (
          <Text size="sm" c="dimmed" className={classes.wrap}>
            {data.location ?? ''}
            {data.location && data.meetingUrl ? ' · ' : ''}
            {data.meetingUrl ? (
              <Anchor href={data.meetingUrl} target="_blank" rel="noreferrer" size="sm">
                Join online
              </Anchor>
            ) : null}
          </Text>
        )}
      </div>
      {s.status === 'cancelled' ? (
        <Alert color="red" variant="light" title="This session is cancelled">
          <Text size="sm">{s.cancelReason ?? 'It will not take place.'}</Text>
        </Alert>
      ) : null}
      {participant && s.status === 'cancelled' ? null : data.plan ? (
        <PlanCard plan={data.plan} forParticipant={participant} />
      ) : (
        <Card withBorder padding="lg">
          <Text>There is no plan for this session in the curriculum.</Text>
        </Card>
      )}
      {facilitator && s.status === 'scheduled' ? (
        <Card withBorder padding="md">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">Before the session: held posts, posts brought to group, celebrations, alerts and attendance risks.</Text>
            <Anchor component={Link} to={`/sessions/${s.id}/digest`}>
              Read the digest
            </Anchor>
          </Group>
        </Card>
      ) : null}
      {facilitator ? (
        <>
          <AttendanceGrid key={s.id} detail={data} />
          <NoteSection session={s} />
        </>
      ) : null}
    </Stack>
  );
}
