import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { NotFoundPage } from '../layout/NotFoundPage';
import { useMemberSafetyPlan } from './api';
import { SafetyPlanWorkspace } from './SafetyPlanWorkspace';

/** A member's safety plan from their record, for their clinician to review and edit with them (opening it is logged). */
export function MemberSafetyPlanPage() {
  const { enrolmentId = '' } = useParams();
  const me = useMe();
  const plan = useMemberSafetyPlan(enrolmentId);
  const name = plan.data?.participantName ?? 'Member';
  usePageTitle(`${name}: safety plan`, me.service.name);
  if (plan.isPending) return <PageLoader label="Loading the safety plan…" />;
  if (plan.error instanceof ApiError && plan.error.status === 404) return <NotFoundPage />;
  if (plan.error || !plan.data) return <ErrorRegion error={plan.error} title="We couldn't load the safety plan" />;
  const p = plan.data.plan;
  return (
    <Stack gap="md" maw={820}>
      <div>
        <Anchor component={Link} to={`/records/${enrolmentId}`} size="sm">
          Back to the record
        </Anchor>
        <Title order={1}>{name}: safety plan</Title>
        <Text c="dimmed">
          Made with {name}; they see and can change it too. Opening it is logged.
          {p ? ` Last changed ${formatDateTime(p.updatedAt)} by ${p.updatedBy.name}.` : ' No plan yet: start one together.'}
        </Text>
      </div>
      <SafetyPlanWorkspace plan={p} participantId={plan.data.participantId} crisisLine={plan.data.crisisLine} />
    </Stack>
  );
}
