import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { formatRate, memberStatusColor, memberStatusLabel } from '../groups/api';
import { allowedChanges, changeCopy, MemberStatusModal, type StatusChange } from '../groups/MemberStatusModal';
import { Fact, Facts } from '../layout/Facts';
import { ErrorRegion, PageLoader, SuccessRegion, usePageTitle } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { NotFoundPage } from '../layout/NotFoundPage';
import { AttendanceHistory } from './AttendanceHistory';
import { NoteSections } from './NoteSections';
import { ReferralHistory } from './ReferralHistory';
import { MemberGoalsCard } from '../goals/MemberGoalsCard';
import { MemberJournalCard } from '../journal/MemberJournalCard';
import { MemberActivityPanel } from '../this-week/MemberActivityPanel';
import { useRecord } from './api';
import { ContactCard } from '../contacts/ContactCard';
import { ClaimDetailsCard } from './ClaimDetailsCard';

/** A member's record in a group, for its facilitators: membership, attendance, note sections, referral. */
export function RecordPage() {
  const { enrolmentId = '' } = useParams();
  const me = useMe();
  const record = useRecord(enrolmentId);
  const [change, setChange] = useState<StatusChange | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const r = record.data;
  usePageTitle(r ? `${r.enrolment.pseudonym}: record` : 'Record', me.service.name);

  if (record.isPending) return <PageLoader label="Loading the record…" />;
  if (record.error instanceof ApiError && record.error.status === 404) return <NotFoundPage />;
  if (record.error || !r) return <ErrorRegion error={record.error} title="We couldn't load this record" />;
  const e = r.enrolment;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/groups/${e.groupId}?tab=members`} size="sm">
          {e.groupName}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1}>
            {e.pseudonym} · {r.person.displayName}
          </Title>
          <Badge color={memberStatusColor[e.status]} variant="light">
            {memberStatusLabel[e.status]}
          </Badge>
        </Group>
        <Text c="dimmed">Record in {e.groupName}. Opening it is logged.</Text>
        <Anchor component={Link} to={`/records/${e.id}/measures`} size="sm" fw={600}>
          Questionnaire scores over time
        </Anchor>{' '}
        ·{' '}
        <Anchor component={Link} to={`/records/${e.id}/safety-plan`} size="sm" fw={600}>
          Safety plan
        </Anchor>
      </div>
      {r.missedInRow >= 2 ? (
        <Alert color="orange" variant="light" title="Attendance needs a check-in">
          <Text size="sm">
            {e.pseudonym} has missed the last {r.missedInRow} sessions.
          </Text>
        </Alert>
      ) : null}
      <SuccessRegion message={done} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="lg" component="section" aria-labelledby="person-heading">
          <Title order={2} size="h3" id="person-heading" mb="sm">
            Person
          </Title>
          <Facts>
            <Fact label="Name">{r.person.displayName}</Fact>
            <Fact label="E-mail">{r.person.email}</Fact>
            <Fact label="Name in the group">{e.pseudonym}</Fact>
          </Facts>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="membership-heading">
          <Title order={2} size="h3" id="membership-heading" mb="sm">
            Membership
          </Title>
          <Facts>
            <Fact label="Status">
              {memberStatusLabel[e.status]}
              {e.statusReason ? `: ${e.statusReason}` : ''}
            </Fact>
            <Fact label="Joined">{e.joinedAt ? formatDate(e.joinedAt) : 'Not yet (has not accepted the group agreement)'}</Fact>
            {e.leftAt ? <Fact label="Left">{formatDate(e.leftAt)}</Fact> : null}
            <Fact label="Group agreement">{e.agreementVersion ? `Version ${e.agreementVersion}, accepted ${formatDate(e.agreementAcceptedAt)}` : 'Not accepted yet'}</Fact>
            <Fact label="Attendance rate">{formatRate(r.attendanceRate)}</Fact>
          </Facts>
          {allowedChanges[e.status].length > 0 ? (
            <Group gap="xs" mt="md">
              {allowedChanges[e.status].map((status) => (
                <Button key={status} size="xs" variant="default" color={changeCopy[status].danger ? 'red' : undefined} onClick={() => setChange(status)}>
                  {changeCopy[status].action}
                </Button>
              ))}
            </Group>
          ) : null}
        </Card>
      </SimpleGrid>
      <ContactCard participantId={r.person.id} viewer={me.user.role} name={r.person.displayName} onSaved={setDone} />
      <ClaimDetailsCard record={r} onSaved={setDone} />
      <AttendanceHistory record={r} />
      <NoteSections record={r} />
      <MemberGoalsCard enrolmentId={e.id} />
      <MemberJournalCard enrolmentId={e.id} />
      <MemberActivityPanel enrolmentId={e.id} />
      <ReferralHistory referral={r.referral} />
      <MemberStatusModal groupId={e.groupId} target={change ? { enrolmentId: e.id, name: e.pseudonym, status: change } : null} onClose={() => setChange(null)} onDone={setDone} />
    </Stack>
  );
}
