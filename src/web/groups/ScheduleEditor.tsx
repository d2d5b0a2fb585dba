import { Alert, Code, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { GroupDetail } from '../api/types';
import { SectionForm } from '../layout/SectionCard';
import { useSetSchedule } from './api';
import { checkScheduleDraft, ScheduleFields, scheduleDraftFrom, type ScheduleDraft } from './ScheduleFields';

/** The recurring schedule, built from plain choices into an RRULE; saving regenerates future sessions. */
export function ScheduleEditor({ group }: { group: GroupDetail }) {
  const initial = useMemo(() => scheduleDraftFrom(group.schedule, group.timezone), [group]);
  const [draft, setDraft] = useState<ScheduleDraft>(initial.draft);
  const [attempted, setAttempted] = useState(false);
  const save = useSetSchedule(group.id);
  const { problems, valid, value } = checkScheduleDraft(draft);

  const result = save.data ? `Schedule saved. ${save.data.created} ${save.data.created === 1 ? 'session' : 'sessions'} added, ${save.data.removed} removed.` : null;

  return (
    <SectionForm
      headingId="schedule-heading"
      title="Schedule"
      gap="md"
      onSubmit={() => {
        setAttempted(true);
        if (valid) save.mutate(value);
      }}
      error={save.error}
      errorTitle="We couldn't save the schedule"
      saved={result}
      submitLabel="Save schedule"
      pending={save.isPending}
    >
      {initial.unreadable ? (
        <Alert color="yellow" variant="light" title="This schedule was set up another way">
          <Text size="sm">
            Its repeat rule (<Code>{initial.unreadable}</Code>) cannot be edited here. Saving below replaces it.
          </Text>
        </Alert>
      ) : null}
      <ScheduleFields draft={draft} onChange={setDraft} problems={problems} showProblems={attempted} />
      <Text size="sm" c="dimmed">
        Saving replaces the upcoming sessions made from the schedule. Sessions already held, cancelled or moved by hand are kept.
      </Text>
    </SectionForm>
  );
}
