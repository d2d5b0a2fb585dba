import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import classes from '../layout/layout.module.css';
import type { ThisWeek } from './api';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Appreciations received since the last visit, or an invitation to send one. */
export function AppreciationsCard({ week }: { week: ThisWeek }) {
  const { newCount, latest } = week.appreciations;
  const first = week.groups[0];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tw-appreciations">
      <Title order={2} size="h3" id="tw-appreciations">
        {newCount > 0 ? `${plural(newCount, 'new appreciation', 'new appreciations')} for you` : 'Appreciations'}
      </Title>
      {newCount > 0 ? (
        <Stack gap="xs" mt="sm" component="ul" className={classes.plainList}>
          {latest.map((a) => (
            <li key={a.id}>
              <Text size="sm" fw={600}>
                From {a.fromPseudonym}
              </Text>
              <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
                {a.body}
              </Text>
            </li>
          ))}
        </Stack>
      ) : (
        <Text size="sm" mt={4}>
          Was there something someone shared that stayed with you? Telling them can mean a lot.
        </Text>
      )}
      <Group gap="sm" mt="md">
        {newCount > 0 ? (
          <Button component={Link} to="/appreciations">
            Read them
          </Button>
        ) : null}
        {first ? (
          <Button component={Link} to={`/groups/${first.id}/appreciate`} variant={newCount > 0 ? 'default' : 'filled'}>
            Send an appreciation
          </Button>
        ) : null}
      </Group>
    </Card>
  );
}

/** Strategies peers shared this week, and open feedback requests. */
export function GroupExchangeCard({ week }: { week: ThisWeek }) {
  const first = week.groups[0];
  if (!first) return null;
  const { newCount, latest } = week.strategies;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tw-strategies">
      <Title order={2} size="h3" id="tw-strategies">
        New from your group
      </Title>
      {newCount > 0 ? (
        <>
          <Text size="sm" c="dimmed">
            {plural(newCount, 'coping strategy', 'coping strategies')} shared this week
          </Text>
          <Stack gap={6} mt="sm" component="ul" className={classes.plainList}>
            {latest.map((s) => (
              <li key={s.id}>
                <Anchor component={Link} to={`/groups/${s.groupId}/strategies`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {s.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  shared by {s.authorPseudonym}
                </Text>
              </li>
            ))}
          </Stack>
        </>
      ) : (
        <Text size="sm" mt={4}>
          No new strategies this week. What helps you might help someone else too.
        </Text>
      )}
      {week.openFeedbackRequests > 0 ? (
        <Text size="sm" mt="sm">
          {plural(week.openFeedbackRequests, 'person would', 'people would')} welcome feedback.{' '}
          <Anchor component={Link} to={`/groups/${first.id}/feedback`} underline="always">
            Offer yours
          </Anchor>
        </Text>
      ) : null}
      <Group gap="sm" mt="md">
        <Button component={Link} to={`/groups/${first.id}/strategies`} variant="light">
          {newCount > 0 ? 'See strategies' : 'Share what helps you'}
        </Button>
      </Group>
    </Card>
  );
}

/** Recent celebration cards of the group: a nudge to cheer each other on. */
export function CelebrationsCard({ week }: { week: ThisWeek }) {
  if (week.celebrations.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tw-celebrations">
      <Title order={2} size="h3" id="tw-celebrations">
        Celebrations
      </Title>
      <Stack gap={6} mt="sm" component="ul" className={classes.plainList}>
        {week.celebrations.map((c) => (
          <li key={c.id}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Text span fw={600}>
                {c.pseudonym}
              </Text>{' '}
              {c.text}
            </Text>
          </li>
        ))}
      </Stack>
      <Group mt="md">
        <Button component={Link} to="/celebrations" variant="light">
          Cheer them on
        </Button>
      </Group>
    </Card>
  );
}
