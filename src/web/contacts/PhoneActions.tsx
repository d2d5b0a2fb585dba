import { Button, Group, Text } from '@mantine/core';
import type { Phone } from './api';

/** A number as the service shows it, with tap-to-call (tel:, E.164) and, for mobiles, tap-to-text (sms:). */
export function PhoneActions({ phone, label, mobile = false, who }: { phone: Phone; label: string; mobile?: boolean; who?: string }) {
  const whose = who ? ` ${who}’s` : '';
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Text span size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {phone.display}
      </Text>
      <Button component="a" href={`tel:${phone.e164}`} size="compact-sm" variant="light" aria-label={`Call${whose} ${label} ${phone.display}`}>
        Call
      </Button>
      {mobile ? (
        <Button component="a" href={`sms:${phone.e164}`} size="compact-sm" variant="default" aria-label={`Text${whose} ${label} ${phone.display}`}>
          Text
        </Button>
      ) : null}
    </Group>
  );
}
