import { Stack, Text, Title } from '@mantine/core';
import { useMe } from '../auth/session';
import { QueryView, usePageTitle } from '../layout/feedback';
import { useUpcomingSessions } from './api';
import { CalendarFeedCard } from './CalendarFeedCard';
import { SessionList } from './SessionList';

/** All the person's next sessions across their groups, and the calendar link. */
export function UpcomingPage() {
  const me = useMe();
  usePageTitle('Upcoming sessions', me.service.name);
  const upcoming = useUpcomingSessions();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Upcoming sessions</Title>
        <Text c="dimmed">Times are shown in each group's own time zone.</Text>
      </div>
      <section aria-label="Sessions">
        <QueryView query={upcoming} loadingLabel="Loading your sessions…">
          {({ sessions }) => <SessionList sessions={sessions} showGroup empty="No sessions are planned yet." />}
        </QueryView>
      </section>
      <CalendarFeedCard />
    </Stack>
  );
}
