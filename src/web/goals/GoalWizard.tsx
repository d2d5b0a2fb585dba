import { Button, Card, Group, Progress, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorRegion, usePageTitle } from '../layout/feedback';
import { GOAL_ACTION_MAX, GOAL_FREQUENCY_MAX, GOAL_NOTE_MAX, MILESTONE_TITLE_MAX } from '../../shared/schemas/goals';
import { useCreateGoal, type Goal } from './api';
import { AREA_LABELS } from './labels';
import { formatLocalDate, todayInZone } from '../layout/time';
import { useMe } from '../auth/session';

interface Draft {
  area: Goal['area'] | '';
  action: string;
  frequency: string;
  targetDate: string;
  supportNeeded: string;
  milestones: string[];
}

const FREQUENCIES = ['Every day', 'A few times a week', 'Once a week', 'Once, by the date'];
const STEPS = ['area', 'action', 'frequency', 'date', 'support', 'steps', 'check'] as const;
type Step = (typeof STEPS)[number];

/** Today where the member is (a target date cannot be in the past). */
const todayIso = () => todayInZone(Intl.DateTimeFormat().resolvedOptions().timeZone);

/** What is wrong with the answer to one question, if anything. */
function problem(step: Step, d: Draft): string | null {
  switch (step) {
    case 'area':
      return d.area ? null : 'Choose the area your goal is about.';
    case 'action':
      if (!d.action.trim()) return 'Write what you will do.';
      return d.action.trim().length > 300 ? 'Keep it under 300 characters.' : null;
    case 'frequency':
      if (!d.frequency.trim()) return 'Say how often.';
      return d.frequency.trim().length > 120 ? 'Keep it under 120 characters.' : null;
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d.targetDate)) return 'Choose a date.';
      return d.targetDate < todayIso() ? 'Choose a date from today onwards.' : null;
    case 'support':
      return d.supportNeeded.length > 500 ? 'Keep it under 500 characters.' : null;
    case 'steps':
      return d.milestones.some((m) => m.trim().length > 200) ? 'Keep each step under 200 characters.' : null;
    case 'check':
      return null;
  }
}

/** The SMART goal wizard: one question per screen on a phone, then a summary to check. */
export function GoalWizard() {
  usePageTitle('New goal', useMe().service.name);
  const navigate = useNavigate();
  const create = useCreateGoal();
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>({ area: '', action: '', frequency: '', targetDate: '', supportNeeded: '', milestones: ['', ''] });
  const step = STEPS[index] ?? 'check';
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    const wrong = problem(step, draft);
    if (wrong) {
      setError(wrong);
      return;
    }
    if (step !== 'check') {
      setIndex((i) => i + 1);
      return;
    }
    if (!draft.area) return;
    create.mutate(
      {
        area: draft.area,
        action: draft.action.trim(),
        frequency: draft.frequency.trim(),
        targetDate: draft.targetDate,
        supportNeeded: draft.supportNeeded.trim(),
        milestones: draft.milestones.map((m) => m.trim()).filter(Boolean),
      },
      { onSuccess: (goal) => void navigate(`/goals/${goal.id}`) },
    );
  };

  return (
    <Stack gap="md" maw={560}>
      <div>
        <Title order={1}>New goal</Title>
        <Text c="dimmed" size="sm">
          Only you see it until you choose to share it.
        </Text>
      </div>
      <Progress value={((index + 1) / STEPS.length) * 100} aria-label={step === 'check' ? 'Last step: check your goal' : `Question ${index + 1} of ${STEPS.length - 1}`} />
      <Card withBorder padding="lg" component="form" onSubmit={next} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {step === 'check' ? 'Check your goal' : `Question ${index + 1} of ${STEPS.length - 1}`}
          </Text>
          {step === 'area' ? (
            <Radio.Group
              label={
                <Title order={2} size="h4">
                  What is your goal about?
                </Title>
              }
              value={draft.area}
              onChange={(v) => set({ area: v as Goal['area'] })}
              error={error}
            >
              <Stack gap="xs" mt="xs">
                {(Object.keys(AREA_LABELS) as Goal['area'][]).map((a) => (
                  <Radio key={a} value={a} label={AREA_LABELS[a]} />
                ))}
              </Stack>
            </Radio.Group>
          ) : null}
          {step === 'action' ? (
            <Textarea
              label={
                <Title order={2} size="h4" component="span">
                  What will you do?
                </Title>
              }
              description="Something specific you can picture doing, e.g. “Text a friend to meet for coffee”."
              value={draft.action}
              onChange={(e) => set({ action: e.currentTarget.value })}
              autosize
              minRows={3}
              maxLength={GOAL_ACTION_MAX}
              error={error}
              data-autofocus
            />
          ) : null}
          {step === 'frequency' ? (
            <Stack gap="xs">
              <TextInput
                label={
                  <Title order={2} size="h4" component="span">
                    How often?
                  </Title>
                }
                description="Pick one or write your own."
                value={draft.frequency}
                onChange={(e) => set({ frequency: e.currentTarget.value })}
                maxLength={GOAL_FREQUENCY_MAX}
                error={error}
              />
              <Group gap="xs" role="group" aria-label="Suggestions">
                {FREQUENCIES.map((f) => (
                  <Button key={f} size="xs" variant={draft.frequency === f ? 'filled' : 'default'} onClick={() => set({ frequency: f })} aria-pressed={draft.frequency === f}>
                    {f}
                  </Button>
                ))}
              </Group>
            </Stack>
          ) : null}
          {step === 'date' ? (
            <TextInput
              type="date"
              label={
                <Title order={2} size="h4" component="span">
                  By when?
                </Title>
              }
              description="A date that feels realistic. You can always set a new goal."
              min={todayIso()}
              value={draft.targetDate}
              onChange={(e) => set({ targetDate: e.currentTarget.value })}
              error={error}
            />
          ) : null}
          {step === 'support' ? (
            <Textarea
              label={
                <Title order={2} size="h4" component="span">
                  What support would help? (optional)
                </Title>
              }
              description="From the group, your clinician, or someone at home."
              value={draft.supportNeeded}
              onChange={(e) => set({ supportNeeded: e.currentTarget.value })}
              autosize
              minRows={3}
              maxLength={GOAL_NOTE_MAX}
              error={error}
            />
          ) : null}
          {step === 'steps' ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                Small steps on the way (optional)
              </Title>
              <Text size="sm" c="dimmed">
                Reaching a step is a moment you can celebrate.
              </Text>
              {draft.milestones.map((m, i) => (
                <TextInput
                  key={i}
                  label={`Step ${i + 1}`}
                  value={m}
                  maxLength={MILESTONE_TITLE_MAX}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    set({ milestones: draft.milestones.map((x, j) => (j === i ? value : x)) });
                  }}
                />
              ))}
              {draft.milestones.length < 10 ? (
                <Button variant="subtle" size="sm" onClick={() => set({ milestones: [...draft.milestones, ''] })} style={{ alignSelf: 'flex-start' }}>
                  Add another step
                </Button>
              ) : null}
              {error ? (
                <Text c="red.8" size="sm" role="alert">
                  {error}
                </Text>
              ) : null}
            </Stack>
          ) : null}
          {step === 'check' ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                Your goal
              </Title>
              <Text style={{ overflowWrap: 'anywhere' }}>
                <strong>{draft.action.trim()}</strong>
              </Text>
              <Text size="sm">About: {draft.area ? AREA_LABELS[draft.area] : ''}</Text>
              <Text size="sm">How often: {draft.frequency.trim()}</Text>
              <Text size="sm">By: {formatLocalDate(draft.targetDate)}</Text>
              {draft.supportNeeded.trim() ? (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  Support: {draft.supportNeeded.trim()}
                </Text>
              ) : null}
              {draft.milestones.some((m) => m.trim()) ? (
                <ol style={{ margin: 0, paddingLeft: '1.25rem' }}>
                  {draft.milestones
                    .filter((m) => m.trim())
                    .map((m, i) => (
                      <li key={i}>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {m.trim()}
                        </Text>
                      </li>
                    ))}
                </ol>
              ) : null}
            </Stack>
          ) : null}
          <ErrorRegion error={create.error} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => (index === 0 ? void navigate('/goals') : setIndex((i) => i - 1))}>
              {index === 0 ? 'Cancel' : 'Back'}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {step === 'check' ? 'Create goal' : 'Next'}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
