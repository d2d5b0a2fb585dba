import { Anchor, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Fragment } from 'react';
import type { SafetyContact } from '../../shared/schemas/safety-plans';
import { crisisNumbers, splitCrisisLine } from '../measures/crisisLine';

/** Someone to call or text: a name and a number that dials. */
interface Callable {
  /** The crisis line's number itself, or the person's name. */
  label: string;
  tel: string;
}

/** The crisis line's numbers first, then the people and professionals in the member's safety plan that have a phone number. */
export function callables(crisisLine: string, contacts: readonly SafetyContact[]): Callable[] {
  // Each number keeps the name written just before it ("Samaritans: 116 123" → "Samaritans 116 123").
  const crisis: Callable[] = [];
  const seen = new Set<string>();
  let before = '';
  for (const part of splitCrisisLine(crisisLine)) {
    if (part.kind === 'text') {
      before = part.text;
      continue;
    }
    if (seen.has(part.tel)) continue;
    seen.add(part.tel);
    const name = (before.split(/[.;(,]/).pop() ?? '')
      .replace(/\b(call|ring|text|on|or)\b/gi, '')
      .replace(/[:,]/g, '')
      .trim();
    crisis.push({ label: name && name.length <= 60 ? `${name} ${part.text}` : part.text, tel: part.tel });
    before = '';
  }
  const people = contacts.flatMap((c) =>
    crisisNumbers(c.contact)
      .slice(0, 1)
      .map((n) => ({ label: c.name, tel: n.tel })),
  );
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

/** "Talk to someone now": tap to call or text the crisis line and the member's own contacts, large enough for a thumb; long names wrap beside the buttons. */
export function TalkNow({ crisisLine, contacts, headingId }: { crisisLine: string; contacts: readonly SafetyContact[]; headingId: string }) {
  const people = callables(crisisLine, contacts);
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId} data-testid="talk-now">
      <Title order={3} size="h4" id={headingId}>
        Talk to someone now
      </Title>
      {people.length === 0 ? <Text size="sm">{crisisLine}</Text> : null}
      {people.map((p) => (
        <Group key={`${p.label}-${p.tel}`} wrap="nowrap" gap="xs">
          <Text fw={600} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            {p.label}
          </Text>
          <Button component="a" href={`tel:${p.tel}`} size="md" style={{ flexShrink: 0 }}>
            Call<VisuallyHidden> {p.label}</VisuallyHidden>
          </Button>
          <Button component="a" href={`sms:${p.tel}`} size="md" variant="light" style={{ flexShrink: 0 }}>
            Text<VisuallyHidden> {p.label}</VisuallyHidden>
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

/** The numbers to offer when someone is in danger from the author or the author from someone: emergency and safeguarding first, then the crisis line. */
export function dangerNumbers(danger: { emergencyNumber: string; safeguardingLine: string } | null, crisisLine: string): string {
  return danger ? `Emergency: ${danger.emergencyNumber}. ${danger.safeguardingLine}. ${crisisLine}` : crisisLine;
}
