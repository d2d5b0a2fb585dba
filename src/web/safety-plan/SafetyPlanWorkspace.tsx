import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { SuccessRegion } from '../layout/feedback';
import type { SafetyPlan } from './api';
import { SafetyPlanEditor } from './SafetyPlanEditor';
import { SafetyPlanPanel } from './SafetyPlanPanel';

/** Reading first (calm, short), editing on request; a plan not written yet opens in the editor. */
export function SafetyPlanWorkspace({ plan, participantId, crisisLine }: { plan: SafetyPlan | null; participantId: string | null; crisisLine: string }) {
  const [editing, setEditing] = useState(plan === null);
  const [saved, setSaved] = useState<string | null>(null);
  if (editing) {
    return (
      <SafetyPlanEditor
        key={plan?.version ?? 0}
        plan={plan}
        participantId={participantId}
        crisisLine={crisisLine}
        onSaved={() => {
          setSaved('The plan is saved.');
          setEditing(false);
        }}
        onCancel={plan ? () => setEditing(false) : undefined}
      />
    );
  }
  return (
    <Stack gap="md">
      <SuccessRegion message={saved} />
      <SafetyPlanPanel plan={plan} crisisLine={crisisLine} title={participantId ? 'The plan' : 'My plan'} />
      <Button
        size="md"
        variant="light"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          setSaved(null);
          setEditing(true);
        }}
      >
        {participantId ? 'Change the plan' : 'Change my plan'}
      </Button>
    </Stack>
  );
}
