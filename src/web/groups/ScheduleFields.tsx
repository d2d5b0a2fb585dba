import { Checkbox, Group, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import type { GroupDetail } from '../api/types';
import { timeZoneNames, todayInZone, zoneLabel } from '../layout/time';
import { buildRrule, describeSchedule, parseRrule, weekdayOf, WEEKDAYS, type ScheduleValue, type WeekdayCode } from './rrule';

/** The schedule as the form holds it: plain choices, turned into an RRULE by `checkScheduleDraft`. */
export interface ScheduleDraft {
  weekdays: WeekdayCode[];
  interval: '1' | '2';
  ends: 'count' | 'open';
  count: number | string;
  date: string;
  time: string;
  timezone: string;
  duration: number | string;
}

/** The draft for a group's current schedule (or a new one in its time zone); `unreadable` is a rule the form cannot show. */
export function scheduleDraftFrom(schedule: GroupDetail['schedule'], timezone: string): { draft: ScheduleDraft; unreadable: string | null } {
  const rule = schedule ? parseRrule(schedule.rrule) : null;
  const date = schedule?.firstSessionLocal.slice(0, 10) ?? todayInZone(timezone);
  return {
    unreadable: schedule && !rule ? schedule.rrule : null,
    draft: {
      weekdays: rule?.weekdays ?? [weekdayOf(date) ?? 'TU'],
      interval: rule?.interval === 2 ? '2' : '1',
      ends: rule && rule.count === null ? 'open' : 'count',
      count: rule?.count ?? 12,
      date,
      time: schedule?.firstSessionLocal.slice(11, 16) ?? '18:00',
      timezone: schedule?.timezone ?? timezone,
      duration: schedule?.durationMinutes ?? 90,
    },
  };
}

export type ScheduleProblems = Partial<Record<'weekdays' | 'count' | 'date' | 'time' | 'duration', string>>;

/** What is missing or wrong in a draft, and the schedule it stands for (the same limits the server applies). */
export function checkScheduleDraft(draft: ScheduleDraft): { problems: ScheduleProblems; valid: boolean; value: ScheduleValue } {
  const count = Number(draft.count);
  const duration = Number(draft.duration);
  const firstDay = weekdayOf(draft.date);
  const problems: ScheduleProblems = {
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
  return {
    problems,
    valid: Object.values(problems).every((p) => !p),
    value: {
      rrule: buildRrule({ weekdays: draft.weekdays, interval: draft.interval === '2' ? 2 : 1, count: draft.ends === 'open' ? null : count }),
      firstSessionLocal: `${draft.date}T${draft.time}`,
      timezone: draft.timezone,
      durationMinutes: duration,
    },
  };
}

/**
 * The schedule's fields — days, how often, how many, first date and time, length, time zone — and
 * the schedule in words. Used by the group's Schedule tab and the new-group form.
 */
export function ScheduleFields({
  draft,
  onChange,
  problems,
  showProblems,
}: {
  draft: ScheduleDraft;
  onChange: (draft: ScheduleDraft) => void;
  problems: ScheduleProblems;
  showProblems: boolean;
}) {
  const zones = useMemo(() => timeZoneNames(), []);
  const set = <K extends keyof ScheduleDraft>(key: K, value: ScheduleDraft[K]) => onChange({ ...draft, [key]: value });
  const show = (message: string | undefined) => (showProblems ? message : undefined);
  const { valid, value } = checkScheduleDraft(draft);
  return (
    <Stack gap="md">
      <Checkbox.Group label="Days" required value={draft.weekdays} onChange={(v) => set('weekdays', v as WeekdayCode[])} error={show(problems.weekdays)}>
        <Group gap="md" mt={6}>
          {WEEKDAYS.map((d) => (
            <Checkbox key={d.code} value={d.code} label={d.name} />
          ))}
        </Group>
      </Checkbox.Group>
      <Radio.Group label="How often" value={draft.interval} onChange={(v) => set('interval', v as ScheduleDraft['interval'])}>
        <Group gap="md" mt={6}>
          <Radio value="1" label="Every week" />
          <Radio value="2" label="Every other week" />
        </Group>
      </Radio.Group>
      <Radio.Group label="How many sessions" value={draft.ends} onChange={(v) => set('ends', v as ScheduleDraft['ends'])}>
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
        <TextInput type="date" label="First session" required value={draft.date} onChange={(e) => set('date', e.currentTarget.value)} error={show(problems.date)} />
        <TextInput type="time" label="Start time" required value={draft.time} onChange={(e) => set('time', e.currentTarget.value)} error={show(problems.time)} />
        <NumberInput label="Length in minutes" min={15} max={480} step={15} value={draft.duration} onChange={(v) => set('duration', v)} error={show(problems.duration)} />
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
    </Stack>
  );
}
