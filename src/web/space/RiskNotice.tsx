import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { PreviewResponse } from '../../shared/schemas/moderation';
import { CrisisLineText } from '../measures/SafetyScreen';

/**
 * Shown before sending when the words sound like someone may be struggling: the author's own
 * safety plan (or the service's crisis line when they have none). Never blocks: "Send anyway"
 * sends, "Edit" goes back to the text.
 */
export function RiskNotice({ preview, onSend, onEdit, sending }: { preview: PreviewResponse; onSend: () => void; onEdit: () => void; sending: boolean }) {
  const plan = preview.safetyPlan;
  const steps = plan ? [...plan.copingSteps, ...plan.distractions].slice(0, 5) : [];
  return (
    <Alert color="blue" variant="light" title="It sounds like things may be hard right now" role="region" aria-label="Your safety plan" data-testid="risk-notice">
      <Stack gap="sm">
        <Text size="sm">You can still send your message. A facilitator will read it, and here is what you planned for moments like this.</Text>
        {plan ? (
          <section aria-labelledby="my-plan-heading">
            <Title order={3} size="h5" id="my-plan-heading">
              Your safety plan
            </Title>
            {steps.length > 0 ? (
              <>
                <Text size="sm" fw={600} mt={4}>
                  Things that help me
                </Text>
                <List size="sm" spacing={2}>
                  {steps.map((step) => (
                    <List.Item key={step}>{step}</List.Item>
                  ))}
                </List>
              </>
            ) : null}
            {plan.helpContacts.length > 0 ? (
              <>
                <Text size="sm" fw={600} mt={4}>
                  People I can ask for help
                </Text>
                <List size="sm" spacing={2}>
                  {plan.helpContacts.map((c) => (
                    <List.Item key={`${c.name}-${c.contact}`}>
                      {c.name}: {c.contact}
                    </List.Item>
                  ))}
                </List>
              </>
            ) : null}
          </section>
        ) : null}
        <CrisisLineText text={preview.crisisLine} />
        <Group gap="sm">
          <Button onClick={onSend} loading={sending}>
            Send anyway
          </Button>
          <Button variant="default" onClick={onEdit}>
            Edit
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
