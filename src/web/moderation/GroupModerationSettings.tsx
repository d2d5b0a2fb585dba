import { Button, Card, Group, NativeSelect, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';
import { useGroupModeration, useUpdateGroupModeration, type GroupModeration } from './api';
import { WEEKDAYS } from './copy';

type Period = GroupModeration['staffedHours'][number];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function problem(p: Period): string | undefined {
  if (!TIME.test(p.start) || !TIME.test(p.end)) return 'Use HH:MM, e.g. 09:00.';
  if (p.start >= p.end) return 'The end must be after the start.';
  return undefined;
}

/** The group space's moderation: pre- or post-moderation, and the staffed hours (outside them, posts wait for a facilitator). */
export function GroupModerationSettings({ groupId }: { groupId: string }) {
  const current = useGroupModeration(groupId);
  const update = useUpdateGroupModeration(groupId);
  const [mode, setMode] = useState<'pre' | 'post'>('post');
  const [periods, setPeriods] = useState<Period[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  // The form starts again from the server's settings whenever they arrive or change (while rendering: no stale paint).
  const [seen, setSeen] = useState<typeof current.data>(undefined);
  if (current.data && seen !== current.data) {
    setSeen(current.data);
    setMode(current.data.moderationMode);
    setPeriods(current.data.staffedHours);
  }

  if (current.error) return <ErrorRegion error={current.error} title="We couldn't load the moderation settings" />;
  if (!current.data) return null;
  const invalid = periods.some((p) => problem(p));

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setSaved(null);
    if (invalid) return;
    update.mutate({ moderationMode: mode, staffedHours: periods }, { onSuccess: () => setSaved('Moderation settings saved.') });
  }

  const set = (i: number, patch: Partial<Period>) => setPeriods(periods.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Card withBorder padding="lg" mt="lg" component="section" aria-labelledby="moderation-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id="moderation-heading">
              Group space moderation
            </Title>
            <Text size="sm" c="dimmed">
              A new member’s first posts always wait for a facilitator. Staffed hours are in the group’s time zone ({current.data.timezone}); it is{' '}
              {current.data.staffedNow ? 'staffed now' : 'not staffed now'}.
            </Text>
          </div>
          <Radio.Group label="Moderation" value={mode} onChange={(v) => setMode(v as 'pre' | 'post')}>
            <Stack gap="xs" mt="xs">
              <Radio value="post" label="Post-moderation: posts appear at once in staffed hours; facilitators review after" />
              <Radio value="pre" label="Pre-moderation: a facilitator reads every post before the group sees it" />
            </Stack>
          </Radio.Group>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>
              <Text fw={500} size="sm">
                Staffed hours
              </Text>
            </legend>
            <Stack gap="xs">
              {periods.length === 0 ? <Text size="sm">No staffed hours: every post waits for a facilitator.</Text> : null}
              {periods.map((p, i) => (
                <Group key={i} gap="xs" align="flex-end" wrap="wrap" component="div" role="group" aria-label={`Staffed period ${i + 1}`}>
                  <NativeSelect
                    label="Day"
                    w={140}
                    value={String(p.weekday)}
                    onChange={(e) => set(i, { weekday: Number(e.currentTarget.value) })}
                    data={WEEKDAYS.map((d, k) => ({ value: String(k + 1), label: d }))}
                  />
                  <Group gap="xs" align="flex-end" wrap="nowrap">
                    <TextInput label="From" w={72} value={p.start} onChange={(e) => set(i, { start: e.currentTarget.value })} error={attempted ? problem(p) : undefined} />
                    <TextInput label="To" w={72} value={p.end} onChange={(e) => set(i, { end: e.currentTarget.value })} />
                    <Button
                      variant="subtle"
                      color="gray"
                      px="xs"
                      onClick={() => setPeriods(periods.filter((_, j) => j !== i))}
                      aria-label={`Remove ${WEEKDAYS[p.weekday - 1] ?? ''} ${p.start}–${p.end}`}
                    >
                      Remove
                    </Button>
                  </Group>
                </Group>
              ))}
              <Button variant="light" size="sm" style={{ alignSelf: 'flex-start' }} onClick={() => setPeriods([...periods, { weekday: 1, start: '09:00', end: '17:00' }])}>
                Add staffed hours
              </Button>
            </Stack>
          </fieldset>
          <ErrorRegion error={update.error instanceof ApiError && update.error.details.length ? null : update.error} title="The moderation settings were not saved" />
          {update.error instanceof ApiError && update.error.details.length ? <ErrorRegion error={update.error} title="Check the staffed hours" /> : null}
          <SuccessRegion message={saved} />
          <Group>
            <Button type="submit" loading={update.isPending}>
              Save moderation settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
