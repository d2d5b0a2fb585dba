import { Alert, Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useAlertCount } from '../alerts/api';
import { oldestTiming } from '../alerts/copy';
import { useNow } from '../layout/useNow';

/**
 * At the top of a clinician's home while any alert they answer for is unacknowledged: how many,
 * by tier, and how long the oldest has waited against its acknowledgement target, with the way to
 * the queue. Numbers only (no names or words), like the navigation badge it shares a request with.
 */
export function UrgentAlertsBanner() {
  const count = useAlertCount(true).data;
  const now = useNow();
  if (!count || count.open === 0) return null;
  const tiers = [count.urgentOpen ? `${count.urgentOpen} urgent` : null, count.concernOpen ? `${count.concernOpen} concern` : null].filter(Boolean).join(' · ');
  const timing = count.oldest ? oldestTiming(count.oldest, now) : null;
  const urgent = count.urgentOpen > 0;
  return (
    <Alert
      color={urgent ? 'red' : 'orange'}
      variant={urgent ? 'filled' : 'light'}
      role="region"
      aria-label="Alerts waiting for you"
      data-testid="alerts-banner"
      title={`${count.open} ${count.open === 1 ? 'alert needs' : 'alerts need'} acknowledging`}
    >
      <Stack gap="xs" align="flex-start">
        <Text fw={700}>{tiers}</Text>
        {timing ? <Text fw={timing.overdue ? 700 : 400}>{timing.text}</Text> : null}
        {count.overdue > 1 ? <Text>{count.overdue} are past their acknowledgement target.</Text> : null}
        {/* On the light orange banner, Mantine's darkest orange under white text is 3.9:1 (axe: serious); this burnt orange is 6.2:1. */}
        <Button component={Link} to="/alerts" variant={urgent ? 'white' : 'filled'} color={urgent ? 'red' : '#a8400a'} size="md">
          Open the alert queue
        </Button>
      </Stack>
    </Alert>
  );
}
