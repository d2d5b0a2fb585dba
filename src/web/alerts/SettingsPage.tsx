import { Card, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { CALENDAR_EVENT_TITLE_MAX } from '../../shared/schemas/calendar';
import { useState, type FormEvent } from 'react';
import { useSyncedDraft } from '../layout/useSyncedDraft';
import { ApiError } from '../api/client';
import { useUsers } from '../admin/api';
import { useMe } from '../auth/session';
import { ErrorRegion, QueryView, usePageTitle } from '../layout/feedback';
import { FormActions } from '../layout/SectionCard';
import { useServiceSettings, useUpdateSettings, type ServiceSettings } from './api';
import { formatMinutes } from './copy';
import { BillingColumnsCard } from '../admin/BillingColumnsCard';

type Draft = {
  urgent: number | string;
  concern: number | string;
  backup: string;
  foldWindow: number | string;
  absenceAlert: 'on' | 'off';
  absenceAfter: number | string;
  notImproving: number | string;
  journalAlerts: 'true' | 'false';
  eventTitle: string;
  calendarPrivacy: 'discreet' | 'full';
};

function draftOf(s: ServiceSettings): Draft {
  return {
    urgent: Number(s['alerts.urgent_ack_minutes']),
    concern: Number(s['alerts.concern_ack_minutes']),
    backup: s['alerts.backup_clinician_id'],
    foldWindow: Number(s['alerts.fold_window_minutes']),
    absenceAlert: s['attendance.absence_alert'],
    absenceAfter: Number(s['attendance.absence_alert_after']),
    notImproving: Number(s['measures.not_improving_after']),
    journalAlerts: s['risk.journal_alerts'],
    eventTitle: s['calendar.event_title'],
    calendarPrivacy: s['calendar.default_privacy'],
  };
}

const wholeBetween = (value: number | string, min: number, max: number) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Plain messages for values the server would refuse (or that would make every alert overdue). */
function checkDraft(d: Draft): Partial<Record<keyof ServiceSettings, string>> {
  const problems: Partial<Record<keyof ServiceSettings, string>> = {};
  if (!wholeBetween(d.urgent, 1, 9999)) problems['alerts.urgent_ack_minutes'] = 'Enter whole minutes from 1 to 9999.';
  if (!wholeBetween(d.concern, 1, 99999)) problems['alerts.concern_ack_minutes'] = 'Enter whole minutes from 1 to 99999.';
  if (!wholeBetween(d.foldWindow, 0, 9999)) problems['alerts.fold_window_minutes'] = 'Enter whole minutes from 0 to 9999.';
  if (!wholeBetween(d.absenceAfter, 2, 9)) problems['attendance.absence_alert_after'] = 'Enter a whole number from 2 to 9.';
  if (!wholeBetween(d.notImproving, 2, 99)) problems['measures.not_improving_after'] = 'Enter a whole number from 2 to 99.';
  const title = d.eventTitle.trim();
  if (!title || title.length > CALENDAR_EVENT_TITLE_MAX) problems['calendar.event_title'] = `Enter a title of 1 to ${CALENDAR_EVENT_TITLE_MAX} characters.`;
  return problems;
}

/** /admin/settings: how fast alerts must be acknowledged, who they escalate to, when "not improving" is raised, calendars, billing columns. */
export function SettingsPage() {
  const me = useMe();
  usePageTitle('Settings', me.service.name);
  const settings = useServiceSettings();
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1}>Settings</Title>
        <Text c="dimmed">Alert response targets and escalation for {me.service.name}.</Text>
      </div>
      <QueryView query={settings} loadingLabel="Loading settings…">
        {(current) => <SettingsForm current={current} />}
      </QueryView>
      <BillingColumnsCard />
    </Stack>
  );
}

function SettingsForm({ current }: { current: ServiceSettings }) {
  const clinicians = useUsers({ role: 'clinician', status: 'active' });
  const update = useUpdateSettings();
  const [draft, setDraft] = useSyncedDraft<ServiceSettings, Draft>(current, draftOf);
  const [saved, setSaved] = useState<string | null>(null);

  const [problems, setProblems] = useState<Partial<Record<keyof ServiceSettings, string>>>({});
  const fieldError = (key: keyof ServiceSettings) =>
    problems[key] ?? (update.error instanceof ApiError ? update.error.details.find((d) => d.path === `body.${key}`)?.message : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const found = checkDraft(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    update.mutate(
      {
        'alerts.urgent_ack_minutes': String(draft.urgent),
        'alerts.concern_ack_minutes': String(draft.concern),
        'alerts.backup_clinician_id': draft.backup,
        'alerts.fold_window_minutes': String(draft.foldWindow),
        'attendance.absence_alert': draft.absenceAlert,
        'attendance.absence_alert_after': String(draft.absenceAfter),
        'measures.not_improving_after': String(draft.notImproving),
        'risk.journal_alerts': draft.journalAlerts,
        'calendar.event_title': draft.eventTitle.trim(),
        'calendar.default_privacy': draft.calendarPrivacy,
      },
      {
        onSuccess: () =>
          setSaved(
            draft.journalAlerts === current['risk.journal_alerts']
              ? 'Settings saved. New alerts use the new targets.'
              : 'Settings saved. Every group agreement now states the new journal setting, and members are asked to read and accept it again.',
          ),
      },
    );
  }

  const options = [{ value: '', label: 'Nobody (no fallback)' }, ...(clinicians.data?.users ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))];
  // Keep a chosen backup visible even if they are no longer an active clinician.
  if (draft.backup && !options.some((o) => o.value === draft.backup)) options.push({ value: draft.backup, label: 'A former clinician (choose someone else)' });
  const minutesHint = (v: number | string, example: string) => (Number(v) > 0 ? `That is ${formatMinutes(Number(v))}. ${example}` : example);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="targets-heading">
          <Title order={2} size="h3" id="targets-heading" mb="xs">
            Response targets
          </Title>
          <Text size="sm" mb="md">
            How soon an alert should be acknowledged. Past the target, an alert shows as overdue and goes to the next clinician on the duty rota, then, one target later, to the
            fallback clinician.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label="Urgent alerts (minutes)"
              description={minutesHint(draft.urgent, 'For example a risk answer to PHQ-9 item 9.')}
              min={1}
              max={9999}
              allowDecimal={false}
              allowNegative={false}
              value={draft.urgent}
              onChange={(v) => setDraft((d) => ({ ...d, urgent: v }))}
              error={fieldError('alerts.urgent_ack_minutes')}
            />
            <NumberInput
              label="Concerns (minutes)"
              description={minutesHint(draft.concern, 'For example a reliable deterioration.')}
              min={1}
              max={99999}
              allowDecimal={false}
              allowNegative={false}
              value={draft.concern}
              onChange={(v) => setDraft((d) => ({ ...d, concern: v }))}
              error={fieldError('alerts.concern_ack_minutes')}
            />
          </SimpleGrid>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="backup-heading">
          <Title order={2} size="h3" id="backup-heading" mb="xs">
            Fallback clinician
          </Title>
          <Text size="sm" mb="md">
            Gets new alerts while nobody is on the duty rota, and is the last escalation step for alerts nobody acknowledged in time. They then see them in their own queue.
          </Text>
          {clinicians.error ? <ErrorRegion error={clinicians.error} title="We couldn't load the clinicians" /> : null}
          <NativeSelect
            label="Escalate overdue alerts to"
            data={options}
            value={draft.backup}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDraft((d) => ({ ...d, backup: value }));
            }}
            error={fieldError('alerts.backup_clinician_id')}
          />
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="grouping-heading">
          <Title order={2} size="h3" id="grouping-heading" mb="xs">
            One card per situation
          </Title>
          <NumberInput
            label="Group a member’s risk messages sent within (minutes)"
            description={minutesHint(
              draft.foldWindow,
              'Messages this close to the previous one join the same open alert, which shows every message and takes the highest tier. A message after the alert was acknowledged always opens a new one. 0 gives every message its own alert.',
            )}
            min={0}
            max={9999}
            allowDecimal={false}
            allowNegative={false}
            value={draft.foldWindow}
            onChange={(v) => setDraft((d) => ({ ...d, foldWindow: v }))}
            error={fieldError('alerts.fold_window_minutes')}
            maw={520}
          />
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="attendance-heading">
          <Title order={2} size="h3" id="attendance-heading" mb="xs">
            Missed sessions
          </Title>
          <Text size="sm" mb="md">
            A member who misses sessions in a row (absent or excused) is listed on the group page and in the digest. Their facilitators can also get a “reach out” concern, once per
            run of missed sessions.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label="“Reach out” alert"
              data={[
                { value: 'on', label: 'On' },
                { value: 'off', label: 'Off' },
              ]}
              value={draft.absenceAlert}
              onChange={(e) => {
                const value = e.currentTarget.value === 'off' ? 'off' : 'on';
                setDraft((d) => ({ ...d, absenceAlert: value }));
              }}
              error={fieldError('attendance.absence_alert')}
            />
            <NumberInput
              label="After this many missed sessions in a row"
              min={2}
              max={9}
              allowDecimal={false}
              allowNegative={false}
              value={draft.absenceAfter}
              onChange={(v) => setDraft((d) => ({ ...d, absenceAfter: v }))}
              error={fieldError('attendance.absence_alert_after')}
            />
          </SimpleGrid>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="journal-heading">
          <Title order={2} size="h3" id="journal-heading" mb="xs">
            Private journal
          </Title>
          <Text size="sm" mb="md">
            When an entry in a member’s private journal suggests they may be in danger, they always see their safety plan and the crisis line. You can also alert their care team
            (who are told an entry needs a check-in, never its words). The group agreement states this choice: changing it publishes a new version of every group agreement with the
            same text, and members are asked to accept it again.
          </Text>
          <NativeSelect
            label="Alert the care team about risk in the private journal"
            data={[
              { value: 'false', label: 'Off: only the member sees their safety plan (default)' },
              { value: 'true', label: 'On: the care team is alerted too' },
            ]}
            value={draft.journalAlerts}
            onChange={(e) => {
              const value = e.currentTarget.value === 'true' ? 'true' : 'false';
              setDraft((d) => ({ ...d, journalAlerts: value }));
            }}
            error={fieldError('risk.journal_alerts')}
            maw={520}
          />
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="measures-heading">
          <Title order={2} size="h3" id="measures-heading" mb="xs">
            Measures
          </Title>
          <NumberInput
            label="Raise “not improving” after this many answers"
            description="When someone has answered the same questionnaire this many times without a reliable change, their facilitators get a concern."
            min={2}
            max={99}
            allowDecimal={false}
            allowNegative={false}
            value={draft.notImproving}
            onChange={(v) => setDraft((d) => ({ ...d, notImproving: v }))}
            error={fieldError('measures.not_improving_after')}
            maw={520}
          />
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="calendar-heading">
          <Title order={2} size="h3" id="calendar-heading" mb="xs">
            Calendars
          </Title>
          <TextInput
            label="Session title in people’s calendars"
            description="Calendars are synced to other companies and shown on lock screens and shared screens: use a title that names no service, clinic or condition. Each person can choose to add the service’s name and the place."
            value={draft.eventTitle}
            maxLength={CALENDAR_EVENT_TITLE_MAX}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDraft((d) => ({ ...d, eventTitle: value }));
            }}
            error={fieldError('calendar.event_title')}
            maw={520}
          />
          <NativeSelect
            label="What calendars show by default"
            description="For everyone who has not chosen for themselves; each person’s own choice always wins. Discreet events never name the service or a clinic."
            value={draft.calendarPrivacy}
            onChange={(e) => {
              const value = e.currentTarget.value === 'full' ? 'full' : 'discreet';
              setDraft((d) => ({ ...d, calendarPrivacy: value }));
            }}
            data={[
              { value: 'discreet', label: 'Discreet: the title above and the time, no place' },
              { value: 'full', label: 'Full: the service’s name and the place of the session' },
            ]}
            error={fieldError('calendar.default_privacy')}
            maw={520}
            mt="sm"
          />
        </Card>
        <FormActions error={update.error} errorTitle="The settings were not saved" saved={saved} submitLabel="Save settings" pending={update.isPending} />
      </Stack>
    </form>
  );
}
