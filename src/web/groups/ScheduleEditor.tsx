import { Alert, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import type { GroupDetail } from '../api/types';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';
import { useSetSchedule } from './api';
import { checkScheduleDraft, ScheduleFields, scheduleDraftFrom, type ScheduleDraft } from './ScheduleFields';

/** The recurring schedule, built from plain choices into an RRULE; saving regenerates future sessions. */
export function ScheduleEditor({ group }: { group: GroupDetail }) {
  const initial = useMemo(() => scheduleDraftFrom(group.schedule, group.timezone), [group]);
  const [draft, setDraft] = useState<ScheduleDraft>(initial.draft);
  const [attempted, setAttempted] = useState(false);
  const save = useSetSchedule(group.id);
  const { problems, valid, value } = checkScheduleDraft(draft);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (valid) save.mutate(value);
  }

  const result = save.data ? `Schedule saved. ${save.data.created} ${save.data.created === 1 ? 'session' : 'sessions'} added, ${save.data.removed} removed.` : null;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="schedule-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="schedule-heading">
            Schedule
          </Title>
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
          <ErrorRegion error={save.error} title="We couldn't save the schedule" />
          <SuccessRegion message={result} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save schedule
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
