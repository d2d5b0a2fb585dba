import { Alert, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { JournalWriteResponse } from './api';
import { TalkNow, dangerNumbers } from '../space/TalkNow';

/**
 * After saving a journal entry in which the words sound like someone may be struggling: "Talk to
 * someone now" first (the crisis line and the member's own safety-plan contacts, or the emergency
 * and safeguarding numbers when someone is in danger), then plainly whether anyone was told.
 */
export function JournalSupport({ support }: { support: NonNullable<JournalWriteResponse['support']> }) {
  const id = useId();
  const plan = support.safetyPlan;
  const contacts = plan ? [...plan.helpContacts, ...plan.professionals] : [];
  const numbers = dangerNumbers(support.danger, support.crisisLine);
  return (
    <Alert color="blue" variant="light" title="It sounds like things may be hard right now" role="region" aria-label="Talk to someone now" data-testid="journal-support">
      <Stack gap="sm">
        <TalkNow crisisLine={numbers} contacts={contacts} headingId={`${id}-talk`} />
        {plan && plan.copingSteps.length > 0 ? <Text size="sm">From your safety plan: {plan.copingSteps.slice(0, 3).join(' · ')}</Text> : null}
        <Text size="sm">
          {support.careTeamTold
            ? 'Your care team has been told that your journal may need a look. They have not been shown your words; share the entry if you want them to read it.'
            : 'Your journal is private: nobody has been told. If you want your care team to know, share this entry with them, or call.'}
        </Text>
      </Stack>
    </Alert>
  );
}
