import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { PreviewResponse } from '../../shared/schemas/moderation';
import { CrisisLineText } from '../measures/SafetyScreen';
import { ContactText, TalkNow, dangerNumbers } from './TalkNow';

/**
 * Shown before sending when the words sound like someone may be struggling: "Talk to someone now"
 * comes first (tap to call or text the crisis line and the people in the member's own safety
 * plan), then what they planned for moments like this. Never blocks: "Send anyway" is there, as
 * the quieter choice, and "Edit" goes back to the text.
 */
export function RiskNotice({ preview, onSend, onEdit, sending }: { preview: PreviewResponse; onSend: () => void; onEdit: () => void; sending: boolean }) {
  const plan = preview.safetyPlan;
  const steps = plan ? [...plan.copingSteps, ...plan.distractions].slice(0, 5) : [];
  const contacts = plan ? [...plan.helpContacts, ...plan.professionals] : [];
  const ids = useId();
  const urgent = preview.risk.tier === 'urgent';
  // Someone in danger from the author, or the author from someone: the emergency number and the
  // safeguarding line come first (the member's self-harm safety plan is not what helps then).
  const danger = preview.danger;
  const numbers = dangerNumbers(danger, preview.crisisLine);
  return (
    <Alert
      color="blue"
      variant="light"
      title={danger ? 'If you or someone else is in danger, call for help now' : 'It sounds like things may be hard right now'}
      role="region"
      aria-label="Talk to someone now"
      data-testid="risk-notice"
    >
      <Stack gap="sm">
        <TalkNow crisisLine={numbers} contacts={contacts} headingId={`${ids}-talk`} />
        {danger ? (
          <Text size="sm">
            Emergency: {danger.emergencyNumber}. {danger.safeguardingLine}.
          </Text>
        ) : null}
        <Text size="sm">
          {urgent
            ? 'You can still send your message. It goes to your care team first; the group sees it after one of them has read it.'
            : 'You can still send your message. A facilitator will read it.'}
        </Text>
        {plan ? (
          <section aria-labelledby={`${ids}-plan`}>
            <Title order={3} size="h5" id={`${ids}-plan`}>
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
            {contacts.length > 0 ? (
              <>
                <Text size="sm" fw={600} mt={4}>
                  People I can ask for help
                </Text>
                <List size="sm" spacing={2}>
                  {contacts.map((c) => (
                    <List.Item key={`${c.name}-${c.contact}`}>
                      {c.name}
                      {c.contact ? (
                        <>
                          : <ContactText contact={c.contact} />
                        </>
                      ) : null}
                    </List.Item>
                  ))}
                </List>
              </>
            ) : null}
          </section>
        ) : null}
        <CrisisLineText text={preview.crisisLine} />
        <Group gap="sm">
          <Button variant="outline" onClick={onSend} loading={sending}>
            Send anyway
          </Button>
          <Button variant="subtle" onClick={onEdit}>
            Edit my message
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
