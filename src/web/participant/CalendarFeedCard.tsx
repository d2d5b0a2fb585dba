import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { ApiError } from '../api/client';
import { ErrorRegion } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { OnceLink } from '../layout/OnceLink';
import { SectionCard } from '../layout/SectionCard';
import { useCalendarFeed } from './api';

/** A private calendar link (iCalendar feed) for the person's sessions: shown once, renewable, revocable. */
export function CalendarFeedCard() {
  const { status, create, revoke, preferences } = useCalendarFeed();
  const chosen = status.data?.preferences;
  const url = create.data?.url ?? null;
  const missing = status.error instanceof ApiError && status.error.status === 404;
  return (
    <SectionCard headingId="calendar-heading" title="Add sessions to your calendar">
      <Text size="sm">A private link that your phone or computer calendar can subscribe to. It shows the times of your sessions and updates when they change.</Text>
      {missing ? (
        <Text size="sm">Calendar links are not available yet on this service.</Text>
      ) : url ? (
        <>
          <OnceLink label="Your calendar link" url={url} testId="calendar-url" onDone={() => create.reset()}>
            Keep this link to yourself: anyone who has it can see when your sessions are. If it gets out, make a new one.
          </OnceLink>
        </>
      ) : status.data?.active ? (
        <>
          <Text size="sm">Your calendar link is on (made {formatDate(status.data.createdAt)}). For your privacy it can't be shown again.</Text>
          <Group gap="sm">
            <Button variant="default" onClick={() => create.mutate()} loading={create.isPending}>
              Make a new link
            </Button>
            <Button variant="default" color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
              Turn the link off
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            A new link replaces the old one, which stops working.
          </Text>
        </>
      ) : (
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={status.isPending}>
            Make a calendar link
          </Button>
        </Group>
      )}
      {chosen ? (
        <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600} size="sm">
            What your calendar shows
          </Text>
          <Text size="xs" c="dimmed">
            Calendars are often seen by others, on a lock screen or a shared computer.{' '}
            {chosen.ownChoice
              ? 'These are your own choices.'
              : status.data?.serviceDefault === 'full'
                ? 'You have not chosen yet, so your service’s default applies: the service’s name and the place are shown. Untick them to keep your calendar discreet.'
                : 'Unless you choose more, each session shows only a plain title, such as “Group session”, and its time.'}
          </Text>
          <Checkbox
            label="Show where the session is (its address)"
            checked={chosen.showLocation}
            disabled={preferences.isPending}
            onChange={(e) => preferences.mutate({ showLocation: e.currentTarget.checked })}
            data-testid="calendar-show-location"
          />
          <Checkbox
            label="Show the service’s name"
            checked={chosen.showServiceName}
            disabled={preferences.isPending}
            onChange={(e) => preferences.mutate({ showServiceName: e.currentTarget.checked })}
            data-testid="calendar-show-service"
          />
        </Stack>
      ) : null}
      <ErrorRegion error={missing ? null : (create.error ?? revoke.error ?? preferences.error ?? status.error)} />
    </SectionCard>
  );
}
