import { Button, Group, Text } from '@mantine/core';
import type { Phone } from './api';

/** A number as the service shows it, with tap-to-call (tel:, E.164) and, for mobiles, tap-to-text (sms:). */
export function PhoneActions({
  phone,
  label,
  mobile = false,
  who,
  size = 'compact-sm',
  actions = true,
}: {
  phone: Phone;
  label: string;
  mobile?: boolean;
  who?: string | undefined;
  /** 'sm' where calling is the point (the alert card): a bigger target for a thumb. */
  size?: 'compact-sm' | 'sm';
  /** False for the member's own numbers: nobody needs to call themselves. */
  actions?: boolean;
}) {
  const whose = who ? ` ${who}’s` : '';
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Text span size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {phone.display}
      </Text>
      {actions ? (
        <Button component="a" href={`tel:${phone.e164}`} size={size} variant="light" aria-label={`Call${whose} ${label} ${phone.display}`}>
          Call
        </Button>
      ) : null}
      {actions && mobile ? (
        <Button component="a" href={`sms:${phone.e164}`} size={size} variant="default" aria-label={`Text${whose} ${label} ${phone.display}`}>
          Text
        </Button>
      ) : null}
    </Group>
  );
}
