import { Stack, Text, Title } from '@mantine/core';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useMySafetyPlan } from './api';
import { SafetyPlanWorkspace } from './SafetyPlanWorkspace';

/** "My safety plan": the participant's own plan, phone first, editable step by step. */
export function MySafetyPlanPage() {
  const me = useMe();
  usePageTitle('My safety plan', me.service.name);
  const plan = useMySafetyPlan();
  if (plan.isPending) return <PageLoader label="Loading your safety plan…" />;
  if (plan.error || !plan.data) return <ErrorRegion error={plan.error} title="We couldn't load your safety plan" />;
  const p = plan.data.plan;
  return (
    <Stack gap="md" maw={720}>
      <div>
        <Title order={1}>My safety plan</Title>
        <Text>Steps to take, in order, when things get hard. Make it with your clinician and change it whenever you like. Only you and your care team can see it.</Text>
        {p ? (
          <Text size="sm" c="dimmed">
            Last changed {formatDateTime(p.updatedAt)} by {p.updatedBy.role === 'participant' ? 'you' : p.updatedBy.name}.
          </Text>
        ) : null}
      </div>
      <SafetyPlanWorkspace plan={p} participantId={null} crisisLine={plan.data.crisisLine} />
    </Stack>
  );
}
