import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { InstrumentDefinition } from '../../shared/instruments/definition';
import { ErrorRegion } from '../layout/feedback';
import type { Answers } from './api';
import classes from '../layout/layout.module.css';

interface Props {
  definition: InstrumentDefinition;
  answers: Answers;
  /** Server messages per linkId. */
  fieldErrors: Record<string, string>;
  /** Messages about the whole form ("7 questions are unanswered…"). */
  formErrors: string[];
  /** Any other failure (network, conflict), with what to do about it. */
  error: unknown;
  errorActions?: ReactNode;
  /** A gentle note shown above the answers (a concern-tier response to an incomplete form). */
  note?: ReactNode;
  sending: boolean;
  onChangeAnswer: (index: number) => void;
  onBack: () => void;
  onSubmit: () => void;
}

/** The last screen: every answer at a glance, each one changeable, then "Send my answers". */
export function ReviewStep({ definition, answers, fieldErrors, formErrors, error, errorActions, note, sending, onChangeAnswer, onBack, onSubmit }: Props) {
  const problems = formErrors.length > 0 || Object.keys(fieldErrors).length > 0;
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          Check your answers
        </Title>
        <Text c="dimmed" size="sm">
          You can change any answer before you send them.
        </Text>
      </div>
      {note}
      {problems ? (
        <Alert color="red" variant="light" title="Some answers need attention" role="alert">
          {formErrors.length > 0 ? (
            <List size="sm" spacing={2}>
              {formErrors.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">Look for the messages next to the questions below.</Text>
          )}
        </Alert>
      ) : null}
      <ErrorRegion error={error} title="Your answers were not sent" />
      {errorActions}
      <Stack gap="xs" component="ol" className={classes.plainList} aria-label="Your answers">
        {definition.items.map((item, index) => {
          const value = answers[item.linkId] ?? null;
          const label = item.options.find((o) => o.value === value)?.label;
          const message = fieldErrors[item.linkId];
          return (
            <Card key={item.linkId} component="li" withBorder padding="sm" style={message ? { borderColor: 'var(--mantine-color-error)' } : undefined}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" c="dimmed">
                    Question {index + 1}
                  </Text>
                  <Text size="sm" className={classes.wrap}>
                    {item.text}
                  </Text>
                  <Text fw={700} mt={4}>
                    {label ?? 'Not answered'}
                  </Text>
                  {message ? (
                    <Text size="sm" c="var(--mantine-color-error)" fw={600} mt={4}>
                      {message}
                    </Text>
                  ) : null}
                </div>
                <Button variant="default" size="sm" onClick={() => onChangeAnswer(index)} aria-label={`Change answer ${index + 1}`} style={{ flexShrink: 0 }}>
                  Change
                </Button>
              </Group>
            </Card>
          );
        })}
      </Stack>
      <Group justify="space-between" gap="sm">
        <Button variant="default" size="md" onClick={onBack}>
          Back
        </Button>
        <Button size="md" onClick={onSubmit} loading={sending}>
          Send my answers
        </Button>
      </Group>
    </Stack>
  );
}
