import { Anchor, Button, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import type { SafetyContact } from '../../shared/schemas/safety-plans';
import { crisisNumbers, splitCrisisLine } from '../measures/crisisLine';

/** Someone to call or text: a name and a number that dials. */
interface Callable {
  name: string;
  number: string;
  tel: string;
}

/** The crisis line's numbers first, then the people and professionals in the member's safety plan that have a phone number. */
export function callables(crisisLine: string, contacts: readonly SafetyContact[]): Callable[] {
  const crisis = crisisNumbers(crisisLine).map((n) => ({ name: 'Crisis line', number: n.text, tel: n.tel }));
  const people = contacts.flatMap((c) => crisisNumbers(c.contact).slice(0, 1).map((n) => ({ name: c.name, number: n.text, tel: n.tel })));
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
        <SimpleGrid key={`${p.name}-${p.tel}`} cols={2} spacing="xs">
          <Button component="a" href={`tel:${p.tel}`} size="md" fullWidth aria-label={`Call ${p.name}, ${p.number}`}>
              Call {p.name === 'Crisis line' ? p.number : p.name}
            </Button>
            <Button component="a" href={`sms:${p.tel}`} size="md" variant="light" fullWidth aria-label={`Text ${p.name}, ${p.number}`}>
              Text
            </Button>
        </SimpleGrid>
      ))}
    </Stack>
  );
}
