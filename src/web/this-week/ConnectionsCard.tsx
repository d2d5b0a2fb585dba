import { Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorRegion } from '../layout/feedback';
import { useHomePreferences, useSetHomePreferences, useYourConnections, type YourConnections, type YourConnectionsGroup } from './api';

const names = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** "Ash", "Ash and Birch", "Ash, Birch and Cove". */
function listed(people: string[]): string {
  return names.format(people);
}

/** The warm sentences for one group: only the ones with someone in them. */
function sentences(g: YourConnectionsGroup): string[] {
  const lines: string[] = [];
  if (g.appreciatedYou.length > 0) lines.push(`${listed(g.appreciatedYou)} appreciated you.`);
  if (g.youTriedTheirs.length > 0)
    lines.push(g.youTriedTheirs.length === 1 ? `You tried a strategy ${g.youTriedTheirs[0]} shared.` : `You tried strategies ${listed(g.youTriedTheirs)} shared.`);
  if (g.triedYours.length > 0) lines.push(`${listed(g.triedYours)} tried a strategy you shared.`);
  if (g.notYetConnected.length > 0) lines.push(`Others in your group you might get to know: ${listed(g.notYetConnected)}.`);
  return lines;
}

function Suggestion({ suggestion }: { suggestion: NonNullable<YourConnections['suggestion']> }) {
  const where = suggestion.kind === 'strategy' ? 'strategies' : 'feedback';
  return (
    <Card withBorder radius="md" padding="sm" bg="var(--mantine-color-default-hover)">
      <Text size="sm">
        {suggestion.pseudonym} shared something you might relate to:{' '}
        <Text span fw={600} style={{ overflowWrap: 'anywhere' }}>
          “{suggestion.title}”
        </Text>
      </Text>
      <Group mt="xs">
        <Button component={Link} to={`/groups/${suggestion.groupId}/${where}`} size="xs" variant="light">
          {suggestion.kind === 'strategy' ? 'Have a look' : 'Read and reply'}
        </Button>
      </Group>
    </Card>
  );
}

function Connections({ data }: { data: YourConnections }) {
  if (data.groups.length === 0) return <Text size="sm">When you’re taking part in a group, the people you connect with will show here.</Text>;
  const several = data.groups.length > 1;
  return (
    <Stack gap="sm">
      {data.groups.map((g) => {
        const lines = sentences(g);
        const connected = g.appreciatedYou.length + g.youTriedTheirs.length + g.triedYours.length > 0;
        return (
          <div key={g.groupId}>
            {several ? (
              <Title order={3} size="h5" mb={4}>
                {g.groupName}
              </Title>
            ) : null}
            {!connected ? <Text size="sm">Connections grow a little at a time: a reply, an appreciation, trying someone’s idea. They will show here as they happen.</Text> : null}
            {lines.map((line) => (
              <Text size="sm" key={line}>
                {line}
              </Text>
            ))}
          </div>
        );
      })}
      {data.suggestion ? <Suggestion suggestion={data.suggestion} /> : null}
    </Stack>
  );
}

/**
 * "Your connections" on the participant home (issue 14 item 4): who appreciated them, whose
 * strategies they tried, who tried theirs, who they have not crossed paths with yet, and one
 * gentle suggestion. Names only, never counts or comparisons. The member can hide it; while it is
 * hidden the connections are not asked for, and a quiet button brings it back.
 */
export function ConnectionsCard() {
  const preferences = useHomePreferences();
  const setPreferences = useSetHomePreferences();
  const shown = preferences.data?.showConnections === true;
  const connections = useYourConnections(shown);
  if (preferences.isPending) return null;
  if (preferences.error) return <ErrorRegion error={preferences.error} title="We couldn't load your home settings" />;
  if (!shown) {
    return (
      <Group justify="flex-end">
        <Button variant="subtle" size="xs" loading={setPreferences.isPending} onClick={() => setPreferences.mutate({ showConnections: true })} data-testid="show-connections">
          Show “Your connections”
        </Button>
      </Group>
    );
  }
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="your-connections-heading" data-testid="your-connections">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Title order={2} size="h3" id="your-connections-heading">
          Your connections
        </Title>
        <Button
          variant="subtle"
          size="xs"
          color="gray"
          loading={setPreferences.isPending}
          onClick={() => setPreferences.mutate({ showConnections: false })}
          data-testid="hide-connections"
        >
          Hide this
        </Button>
      </Group>
      {setPreferences.error ? <ErrorRegion error={setPreferences.error} title="We couldn't save that" /> : null}
      {connections.isPending ? (
        <Loader size="sm" role="status" aria-label="Loading your connections" />
      ) : connections.error ? (
        <ErrorRegion error={connections.error} title="We couldn't load your connections" />
      ) : (
        <Connections data={connections.data} />
      )}
    </Card>
  );
}
