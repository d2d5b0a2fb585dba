import { Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { usePageTitle } from '../layout/feedback';

/** "Your data": download everything Hearth holds about you, as a readable page and as a FHIR file. */
export function MyDataPage() {
  const me = useMe();
  usePageTitle('Your data', me.service.name);
  const participant = me.user.role === 'participant';
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/account" size="sm" underline="always">
          Your account
        </Anchor>
        <Title order={1} mt={4}>
          Your data
        </Title>
        <Text c="dimmed">Download a copy of what {me.service.name} holds about you. Each download is recorded in the service’s audit log.</Text>
      </div>

      <Card withBorder padding="lg" component="section" aria-labelledby="summary-heading">
        <Title order={2} size="h3" id="summary-heading" mb="xs">
          A readable copy
        </Title>
        <Text size="sm" mb="sm">
          {participant
            ? 'One page you can open in any browser and print: your groups and attendance, your questionnaire answers and scores, your goals, practice log, journal and safety plan, what you posted and shared in your groups, the agreements you accepted and your contact details.'
            : 'One page you can open in any browser and print: your account, notification choices and recent sign-ins.'}
        </Text>
        <Group>
          <Button component="a" href="/api/me/data/summary" download="hearth-my-data.html" data-testid="download-summary">
            Download readable copy (HTML)
          </Button>
        </Group>
      </Card>

      {participant ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="fhir-heading">
          <Title order={2} size="h3" id="fhir-heading" mb="xs">
            A copy for other health systems
          </Title>
          <Text size="sm" mb="sm">
            The same record in FHIR, the standard format health record systems exchange: your groups, the sessions you attended, your goals, the agreements you accepted and your
            questionnaires. Useful if you want to take your record to another service.
          </Text>
          <Group>
            <Button component="a" variant="default" href="/api/me/data/fhir" download="hearth-my-data.fhir.json" data-testid="download-fhir">
              Download FHIR file (JSON)
            </Button>
          </Group>
        </Card>
      ) : null}

      <Card withBorder padding="lg" component="section" aria-labelledby="not-included-heading">
        <Title order={2} size="h3" id="not-included-heading" mb="xs">
          What is not in these downloads
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>Other people’s words: replies, appreciations and threads written by other members stay in {me.service.name}, where you can read them.</List.Item>
          <List.Item>
            Your clinicians’ notes, safety alerts and how they were handled, moderation records and the audit log. Ask {me.service.name} for these: they are reviewed before they
            are released.
          </List.Item>
        </List>
        <Text size="sm" mt="sm">
          To have your data erased, ask {me.service.name}. An administrator carries out the request; what the service must keep as a clinical record is kept, and you can ask what
          that is.
        </Text>
      </Card>
    </Stack>
  );
}
