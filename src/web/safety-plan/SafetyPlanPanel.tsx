import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { CrisisLineText } from '../measures/SafetyScreen';
import { parsePhone } from './phone';
import type { SafetyPlan } from './api';
import { isContactSection, SECTIONS } from './sections';

/** A contact's number as a tel: link when it is one, else as text. */
function ContactLine({ name, contact }: { name: string; contact: string }) {
  const tel = parsePhone(contact);
  return (
    <Text size="sm">
      <strong>{name}</strong>
      {contact ? ' · ' : ''}
      {tel ? (
        <Anchor href={`tel:${tel}`} inherit underline="always">
          {contact}
        </Anchor>
      ) : (
        contact
      )}
    </Text>
  );
}

/**
 * The person's own safety plan, read-only, calm, step by step; the service's crisis line always
 * at the end. Reusable wherever risk shows: the composer's preview, the measures safety screen.
 */
export function SafetyPlanPanel({
  plan,
  crisisLine,
  headingLevel = 2,
  title = 'My safety plan',
}: {
  plan: SafetyPlan | null;
  crisisLine: string;
  headingLevel?: 2 | 3;
  title?: string;
}) {
  const sub = headingLevel === 2 ? 3 : 4;
  const filled = plan ? SECTIONS.filter((s) => plan[s.key].length > 0) : [];
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={headingLevel} size="h4">
          {title}
        </Title>
        {filled.length === 0 ? <Text size="sm">You have not written a safety plan yet. Your care team can make one with you.</Text> : null}
        {plan
          ? filled.map((section) => (
              <div key={section.key}>
                <Title order={sub} size="h6">
                  {section.title}
                </Title>
                {isContactSection(section.key) ? (
                  <Stack gap={2} mt={4}>
                    {plan[section.key].map((c, i) => (
                      <ContactLine key={i} name={c.name} contact={c.contact} />
                    ))}
                  </Stack>
                ) : (
                  <List size="sm" spacing={2} mt={4}>
                    {plan[section.key].map((line, i) => (
                      <List.Item key={i}>{line}</List.Item>
                    ))}
                  </List>
                )}
              </div>
            ))
          : null}
        <div>
          <Title order={sub} size="h6">
            If you need help now
          </Title>
          <CrisisLineText text={crisisLine} />
        </div>
      </Stack>
    </Card>
  );
}
