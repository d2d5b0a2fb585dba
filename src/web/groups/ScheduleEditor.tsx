import {
  Alert,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import type { GroupDetail } from '../api/types';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';
import { timeZoneNames, todayInZone, zoneLabel } from '../layout/time';
import { useSetSchedule } from './api';
import { buildRrule, describeSchedule, parseRrule, weekdayOf, WEEKDAYS, type WeekdayCode } from './rrule';

interface Draft {
  weekdays: WeekdayCode[];
  interval: '1' | '2';
  ends: 'count' | 'open';
  count: number | string;
  date: string;
  time: string;
  timezone: string;
  duration: number | string;
}

function initialDraft(group: GroupDetail): { draft: Draft; unreadable: string | null } {
  const s = group.schedule;
  const rule = s ? parseRrule(s.rrule) : null;
  const date = s?.firstSessionLocal.slice(0, 10) ?? todayInZone(group.timezone);
  return {
    unreadable: s && !rule ? s.rrule : null,
    draft: {
      weekdays: rule?.weekdays ?? [weekdayOf(date) ?? 'TU'],
      interval: rule?.interval === 2 ? '2' : '1',
      ends: rule && rule.count === null ? 'open' : 'count',
      count: rule?.count ?? 12,
      date,
      time: s?.firstSessionLocal.slice(11, 16) ?? '18:00',
      timezone: s?.timezone ?? group.timezone,
      duration: s?.durationMinutes ?? 90,
    },
  };
}

/** The recurring schedule, built from plain choices into an RRULE; saving regenerates future sessions. */
export function ScheduleEditor({ group }: { group: GroupDetail }) {
  const initial = useMemo(() => initialDraft(group), [group]);
  const [draft, setDraft] = useState<Draft>(initial.draft);
  const [attempted, setAttempted] = useState(false);
  const save = useSetSchedule(group.id);
  const zones = useMemo(() => timeZoneNames(), []);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const count = Number(draft.count);
  const duration = Number(draft.duration);
  const firstDay = weekdayOf(draft.date);
  const problems = {
    weekdays: draft.weekdays.length === 0 ? 'Choose at least one day.' : undefined,
    count: draft.ends === 'count' && !(Number.isInteger(count) && count >= 1 && count <= 260) ? 'Enter a number from 1 to 260.' : undefined,
    date: !draft.date
      ? 'Choose the date of the first session.'
      : firstDay && draft.weekdays.length > 0 && !draft.weekdays.includes(firstDay)
        ? `This date is a ${WEEKDAYS.find((d) => d.code === firstDay)?.name}: choose a date on one of the days above.`
        : undefined,
    time: !draft.time ? 'Choose a start time.' : undefined,
    duration: !(Number.isInteger(duration) && duration >= 15 && duration <= 480) ? 'Enter 15 to 480 minutes.' : undefined,
  };
  const valid = Object.values(problems).every((p) => !p);
  const value = {
    rrule: buildRrule({ weekdays: draft.weekdays, interval: draft.interval === '2' ? 2 : 1, count: draft.ends === 'open' ? null : count }),
    firstSessionLocal: `${draft.date}T${draft.time}`,
    timezone: draft.timezone,
    durationMinutes: duration,
  };
  const show = (message: string | undefined) => (attempted ? message : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (valid) save.mutate(value);
  }

  const result = save.data
    ? `Schedule saved. ${save.data.created} ${save.data.created === 1 ? 'session' : 'sessions'} added, ${save.data.removed} removed.`
    : null;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="schedule-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="schedule-heading">
            Schedule
          </Title>
          {initial.unreadable ? (
            <Alert color="yellow" variant="light" title="This schedule was set up another way">
              <Text size="sm">
                Its repeat rule (<Code>{initial.unreadable}</Code>) cannot be edited here. Saving below replaces it.
              </Text>
            </Alert>
          ) : null}
          <Checkbox.Group
            label="Days"
            required
            value={draft.weekdays}
            onChange={(v) => set('weekdays', v as WeekdayCode[])}
            error={show(problems.weekdays)}
          >
            <Group gap="md" mt={6}>
              {WEEKDAYS.map((d) => (
                <Checkbox key={d.code} value={d.code} label={d.name} />
              ))}
            </Group>
          </Checkbox.Group>
          <Radio.Group label="How often" value={draft.interval} onChange={(v) => set('interval', v as Draft['interval'])}>
            <Group gap="md" mt={6}>
              <Radio value="1" label="Every week" />
              <Radio value="2" label="Every other week" />
            </Group>
          </Radio.Group>
          <Radio.Group label="How many sessions" value={draft.ends} onChange={(v) => set('ends', v as Draft['ends'])}>
            <Group gap="md" mt={6}>
              <Radio value="count" label="A set number" />
              <Radio value="open" label="Open-ended (planned a year ahead)" />
            </Group>
          </Radio.Group>
          {draft.ends === 'count' ? (
            <NumberInput
              label="Number of sessions"
              min={1}
              max={260}
              value={draft.count}
              onChange={(v) => set('count', v)}
              error={show(problems.count)}
              w={{ base: '100%', xs: 200 }}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <TextInput
              type="date"
              label="First session"
              required
              value={draft.date}
              onChange={(e) => set('date', e.currentTarget.value)}
              error={show(problems.date)}
            />
            <TextInput
              type="time"
              label="Start time"
              required
              value={draft.time}
              onChange={(e) => set('time', e.currentTarget.value)}
              error={show(problems.time)}
            />
            <NumberInput
              label="Length in minutes"
              min={15}
              max={480}
              step={15}
              value={draft.duration}
              onChange={(v) => set('duration', v)}
              error={show(problems.duration)}
            />
            <NativeSelect label="Time zone" value={draft.timezone} onChange={(e) => set('timezone', e.currentTarget.value)} data={zones} />
          </SimpleGrid>
          <div aria-live="polite">
            <Text size="sm" fw={600}>
              In words
            </Text>
            <Text size="sm">{valid ? describeSchedule(value) : 'Complete the choices above to see the schedule.'}</Text>
            {valid ? (
              <Text size="xs" c="dimmed">
                Repeat rule: {value.rrule} · {zoneLabel(value.timezone)}
              </Text>
            ) : null}
          </div>
          <Text size="sm" c="dimmed">
            Saving replaces the upcoming sessions made from the schedule. Sessions already held, cancelled or moved by hand are kept.
          </Text>
          <ErrorRegion error={save.error} title="We couldn't save the schedule" />
          <SuccessRegion message={result} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save schedule
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
