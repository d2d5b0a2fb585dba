import { Alert, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { RISK_URGENT_REASON } from '../../shared/schemas/moderation';
import classes from '../measures/measures.module.css';
import { TalkNow } from './TalkNow';

/** The server's "Shared with your care team first: …" message, if the item was held for that reason. */
export function careTeamMessage(reasons: readonly { code: string; message: string }[]): string | null {
  return reasons.find((r) => r.code === RISK_URGENT_REASON)?.message ?? null;
}

/**
 * After sending words that sound urgent: the crisis line first, then that the care team has been
 * told, by name, and (outside staffed hours) when they will see it — the server's own message.
 */
export function CareTeamTold({ message, crisisLine }: { message: string; crisisLine: string }) {
  const id = useId();
  return (
    <Alert color="blue" variant="light" role="status" data-testid="care-team-told" title="Your message went to your care team first">
      <Stack gap="sm">
        {crisisLine ? <TalkNow crisisLine={crisisLine} contacts={[]} headingId={`${id}-talk`} /> : null}
        <div className={classes.told}>
          <span className={classes.tick} aria-hidden="true">
            ✓
          </span>
          <Text fw={700} span>
            My care team has been told
          </Text>
        </div>
        <Text size="sm">{message}</Text>
      </Stack>
    </Alert>
  );
}
