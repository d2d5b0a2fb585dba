import { Anchor, Button, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import type { SafetyContact } from '../../shared/schemas/safety-plans';
import { crisisNumbers, splitCrisisLine } from '../measures/crisisLine';

// Long names ("Ada, my group clinician (weekdays)") wrap inside the button instead of overflowing a phone screen.
const WRAP = { label: { whiteSpace: 'normal' as const, textAlign: 'center' as const } };

/** Someone to call or text: a name and a number that dials. */
interface Callable {
  /** The crisis line's number itself, or the person's name. */
  label: string;
  tel: string;
}

/** The crisis line's numbers first, then the people and professionals in the member's safety plan that have a phone number. */
export function callables(crisisLine: string, contacts: readonly SafetyContact[]): Callable[] {
  const crisis = crisisNumbers(crisisLine).map((n) => ({ label: n.text, tel: n.tel }));
  const people = contacts.flatMap((c) => crisisNumbers(c.contact).slice(0, 1).map((n) => ({ label: c.name, tel: n.tel })));
  return [...crisis, ...people];
}

/** A contact's details with any phone number in them as a tel: link. */
export function ContactText({ contact }: { contact: string }) {
  return (
    <>
      {splitCrisisLine(contact).map((part, i) =>
        part.kind === 'phone' ? (
          <Anchor key={i} href={`tel:${part.tel}`} inherit underline="always">
            {part.text}
          </Anchor>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

/** "Talk to someone now": tap to call or text the crisis line and the member's own contacts, large enough for a thumb. */
export function TalkNow({ crisisLine, contacts, headingId }: { crisisLine: string; contacts: readonly SafetyContact[]; headingId: string }) {
  const people = callables(crisisLine, contacts);
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId} data-testid="talk-now">
      <Title order={3} size="h4" id={headingId}>
        Talk to someone now
      </Title>
      {people.length === 0 ? <Text size="sm">{crisisLine}</Text> : null}
      {people.map((p) => (
        <SimpleGrid key={`${p.label}-${p.tel}`} cols={2} spacing="xs">
          <Button component="a" href={`tel:${p.tel}`} size="md" fullWidth h="auto" py={8} styles={WRAP}>
            Call {p.label}
          </Button>
          <Button component="a" href={`sms:${p.tel}`} size="md" variant="light" fullWidth h="auto" py={8} styles={WRAP}>
            Text {p.label}
          </Button>
        </SimpleGrid>
      ))}
    </Stack>
  );
}
