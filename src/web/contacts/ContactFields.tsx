import { NativeSelect, Radio, SimpleGrid, Stack, Group, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { ApiError } from '../api/client';
import { contactMethodLabel, type ContactDraft, type ContactField } from './api';

interface Props {
  value: ContactDraft;
  onChange: (next: ContactDraft) => void;
  /** The fields this person may change; the others are not shown. */
  fields: readonly ContactField[];
  error: ApiError | null;
  /** Headings start at this level (inside a modal: 3). */
  headingOrder?: 3 | 4;
}

/** The contact-details inputs, grouped as people think of them: phones, preferences, emergency contact, GP. */
export function ContactFields({ value, onChange, fields, error, headingOrder = 3 }: Props) {
  const has = (f: ContactField) => fields.includes(f);
  const set = (f: keyof ContactDraft) => (next: string) => onChange({ ...value, [f]: next });
  const text = (f: Exclude<ContactField, 'emergencyConsent' | 'preferredMethod'>, label: string, extra: { type?: string; description?: string; autoComplete?: string } = {}) =>
    has(f) ? (
      <TextInput
        label={label}
        value={value[f]}
        onChange={(e) => set(f)(e.currentTarget.value)}
        error={error?.fieldMessage(f)}
        type={extra.type}
        inputMode={extra.type === 'tel' ? 'tel' : undefined}
        description={extra.description}
        autoComplete={extra.autoComplete ?? 'off'}
      />
    ) : null;
  return (
    <Stack gap="md">
      <section>
        <Title order={headingOrder} size="h5" mb={6}>
          Phone numbers
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {text('mobilePhone', 'Mobile', { type: 'tel', description: 'e.g. 07700 900123, or +1 … from abroad' })}
          {text('homePhone', 'Home', { type: 'tel' })}
        </SimpleGrid>
      </section>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {has('preferredMethod') ? (
          <NativeSelect
            label="Preferred way to get in touch"
            value={value.preferredMethod}
            onChange={(e) => set('preferredMethod')(e.currentTarget.value)}
            data={[{ value: '', label: 'No preference' }, ...Object.entries(contactMethodLabel).map(([v, label]) => ({ value: v, label }))]}
            error={error?.fieldMessage('preferredMethod')}
          />
        ) : null}
        {text('preferredTimes', 'Best times', { description: 'Short, e.g. "weekday mornings"' })}
      </SimpleGrid>
      {has('emergencyName') ? (
        <section>
          <Title order={headingOrder} size="h5" mb={6}>
            Emergency contact
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            {text('emergencyName', 'Name')}
            {text('emergencyRelation', 'Relation', { description: 'e.g. sister, friend' })}
            {text('emergencyPhone', 'Phone', { type: 'tel' })}
          </SimpleGrid>
          {has('emergencyConsent') ? (
            <Radio.Group
              mt="sm"
              label="May your clinicians contact this person if they are worried about your safety?"
              value={value.emergencyConsent}
              onChange={set('emergencyConsent')}
            >
              <Group gap="md" mt={6}>
                <Radio value="yes" label="Yes" />
                <Radio value="no" label="No" />
              </Group>
            </Radio.Group>
          ) : (
            <Text size="sm" c="dimmed" mt={6}>
              Whether this person may be contacted is the member’s decision: they record it from their account.
            </Text>
          )}
        </section>
      ) : null}
      {has('gpPractice') ? (
        <section>
          <Title order={headingOrder} size="h5" mb={6}>
            GP / primary care
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {text('gpPractice', 'Practice')}
            {text('gpName', 'GP')}
            {text('gpPhone', 'Practice phone', { type: 'tel' })}
          </SimpleGrid>
          {has('gpAddress') ? (
            <Textarea
              mt="sm"
              label="Practice address"
              autosize
              minRows={2}
              value={value.gpAddress}
              onChange={(e) => set('gpAddress')(e.currentTarget.value)}
              error={error?.fieldMessage('gpAddress')}
            />
          ) : null}
        </section>
      ) : null}
      {has('contactRiskNote') ? (
        <Textarea
          label="Contact risks (clinicians only)"
          description="e.g. no voicemail on a shared phone. The member does not see this note."
          autosize
          minRows={2}
          value={value.contactRiskNote}
          onChange={(e) => set('contactRiskNote')(e.currentTarget.value)}
          error={error?.fieldMessage('contactRiskNote')}
        />
      ) : null}
    </Stack>
  );
}
