import { Button, Group, Progress, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { InstrumentItem } from '../../shared/instruments/definition';
import classes from './measures.module.css';

interface Props {
  item: InstrumentItem;
  /** 0-based position among the questions. */
  index: number;
  count: number;
  stem: string | undefined;
  value: number | null;
  /** A message for this question (unanswered, or the server's). */
  error: string | undefined;
  /** Move focus to the question when it appears (not on the first screen: the page already took focus). */
  takeFocus: boolean;
  /** "Next" goes back to the summary when the person came from there to change an answer. */
  nextLabel: string;
  onChange: (value: number) => void;
  onBack: (() => void) | null;
  onNext: () => void;
}

/** One question per screen: the stem, the question, large answer targets, Back and Next. */
export function QuestionStep({ item, index, count, stem, value, error, takeFocus, nextLabel, onChange, onBack, onNext }: Props) {
  const container = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (takeFocus) container.current?.querySelector<HTMLElement>('[data-question]')?.focus();
  }, [item.linkId, takeFocus]);

  return (
    <form
      ref={container}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
    >
      <Stack gap="md">
        <div>
          <Text size="sm" fw={600} mb={6} id="question-progress">
            Question {index + 1} of {count}
          </Text>
          <Progress.Root size="md" radius="xl">
            <Progress.Section value={((index + 1) / count) * 100} aria-labelledby="question-progress" />
          </Progress.Root>
        </div>
        {stem ? <Text className={classes.stem}>{stem}</Text> : null}
        <Radio.Group
          name={`answer-${item.linkId}`}
          value={value === null ? '' : String(value)}
          onChange={(v) => onChange(Number(v))}
          label={item.text}
          labelProps={{ className: classes.question, tabIndex: -1, 'data-question': true }}
          description={item.required ? undefined : 'You can leave this one out.'}
          error={error}
          errorProps={{ role: 'alert', fz: 'sm', fw: 600, mt: 6 }}
        >
          <Stack gap="xs" mt="xs">
            {item.options.map((option) => (
              <Radio.Card key={option.value} value={String(option.value)} className={classes.option}>
                <Group wrap="nowrap" gap="md" align="center">
                  <Radio.Indicator size="md" />
                  <Text size="lg">{option.label}</Text>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="space-between" mt="sm" gap="sm">
          {onBack ? (
            <Button variant="default" size="md" onClick={onBack}>
              Back
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" size="md">
            {nextLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
