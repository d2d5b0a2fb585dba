import { Alert, Anchor, Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, SuccessRegion, usePageTitle } from '../layout/feedback';
import { MobileNumberForm } from './MobileNumberForm';
import { useNotificationPreferences, useSaveNotificationPreferences, type NotificationPreferencesChange } from './api';

/**
 * Notification settings, a page of its own for everyone signed in. Members choose their session
 * reminders (by e-mail, and by text message where the service sends them, to the mobile number
 * they add, change or remove here) and questionnaire reminders; staff choose the session digest by e-mail and are told why alerts cannot be switched
 * off. Each switch saves as soon as it is flipped.
 */
export function NotificationSettingsPage() {
  const me = useMe();
  usePageTitle('Notification settings', me.service.name);
  const prefs = useNotificationPreferences();
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSaveNotificationPreferences();
  const set = (body: NotificationPreferencesChange, said: string) => {
    setSaved(null);
    save.mutate(body, { onSuccess: () => setSaved(said) });
  };

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/account" size="sm">
          ← Your account
        </Anchor>
        <Title order={1} mt="xs">
          Notification settings
        </Title>
      </div>
      {prefs.data ? (
        <>
          <Text>
            E-mail goes to <strong>{prefs.data.emailAddress}</strong>
            {prefs.data.smsAvailable && prefs.data.mobile ? (
              <>
                {' '}
                and text messages to <strong>{prefs.data.mobile}</strong>
              </>
            ) : null}
            . No message ever says what a group is about or carries anything clinical, so they are safe in a shared inbox.
          </Text>
          {prefs.data.smsAvailable && prefs.data.audience === 'member' ? (
            <Card withBorder padding="lg" component="section" aria-labelledby="mobile-heading" data-testid="my-mobile">
              <Stack gap="sm">
                <Title order={2} size="h3" id="mobile-heading">
                  Your mobile number
                </Title>
                <Text size="sm" c="dimmed">
                  Only for the text messages you choose below. Your group and the other members never see it.
                </Text>
                <MobileNumberForm
                  current={prefs.data.mobile}
                  label="Mobile number"
                  description="As you dial it, for example 07700 900123, or starting with + and the country code."
                  said={(r) =>
                    r.mobile
                      ? `Saved. Text messages you choose go to ${r.mobile}.`
                      : r.textRemindersTurnedOff
                        ? 'Your mobile number is removed, and session reminders by text message are now off.'
                        : 'Your mobile number is removed.'
                  }
                />
              </Stack>
            </Card>
          ) : null}
          {prefs.data.sessionReminders ? (
            <Card withBorder padding="lg" component="section" aria-labelledby="session-reminders-heading" data-testid="session-reminders">
              <Stack gap="sm">
                <Title order={2} size="h3" id="session-reminders-heading">
                  Session reminders
                </Title>
                <Text size="sm" c="dimmed">
                  The day before each group session, and again 2 hours before it starts. Off unless you turn them on.
                </Text>
                <Switch
                  label="By e-mail"
                  checked={prefs.data.sessionReminders.email}
                  disabled={save.isPending}
                  onChange={(e) => set({ sessionReminders: { email: e.currentTarget.checked } }, `Session reminders by e-mail are ${e.currentTarget.checked ? 'on' : 'off'}.`)}
                />
                {prefs.data.smsAvailable ? (
                  <Switch
                    label="By text message"
                    description={prefs.data.mobile ? undefined : 'Add your mobile number above first.'}
                    checked={prefs.data.sessionReminders.sms}
                    disabled={save.isPending || (!prefs.data.mobile && !prefs.data.sessionReminders.sms)}
                    onChange={(e) =>
                      set({ sessionReminders: { sms: e.currentTarget.checked } }, `Session reminders by text message are ${e.currentTarget.checked ? 'on' : 'off'}.`)
                    }
                  />
                ) : null}
              </Stack>
            </Card>
          ) : null}
          {prefs.data.questionnaireReminders ? (
            <Card withBorder padding="lg" component="section" aria-labelledby="questionnaire-reminders-heading">
              <Stack gap="sm">
                <Title order={2} size="h3" id="questionnaire-reminders-heading">
                  Questionnaire reminders
                </Title>
                <Text size="sm" c="dimmed">
                  When a questionnaire has been waiting for a day: at most one e-mail a week, stopping once you answer.
                </Text>
                <Switch
                  label="By e-mail"
                  checked={prefs.data.questionnaireReminders.email}
                  disabled={save.isPending}
                  onChange={(e) =>
                    set({ questionnaireReminders: { email: e.currentTarget.checked } }, `Questionnaire reminders by e-mail are ${e.currentTarget.checked ? 'on' : 'off'}.`)
                  }
                />
              </Stack>
            </Card>
          ) : null}
          {prefs.data.sessionDigest ? (
            <Card withBorder padding="lg" component="section" aria-labelledby="digest-heading">
              <Stack gap="sm">
                <Title order={2} size="h3" id="digest-heading">
                  Session digest
                </Title>
                <Text size="sm" c="dimmed">
                  Before each session of a group you facilitate: what was held, brought to group and celebrated, and open alerts. It always appears in your notifications in Hearth;
                  the e-mail is your choice.
                </Text>
                <Switch
                  label="By e-mail"
                  checked={prefs.data.sessionDigest.email}
                  disabled={save.isPending}
                  onChange={(e) => set({ sessionDigest: { email: e.currentTarget.checked } }, `The session digest by e-mail is ${e.currentTarget.checked ? 'on' : 'off'}.`)}
                />
              </Stack>
            </Card>
          ) : null}
          {prefs.data.alerts ? (
            <Card withBorder padding="lg" component="section" aria-labelledby="alerts-heading">
              <Stack gap="sm">
                <Title order={2} size="h3" id="alerts-heading">
                  Alerts
                </Title>
                <Alert color="blue" variant="light" title="Alerts cannot be switched off">
                  An alert about a member&apos;s safety reaches the clinician on duty and the group&apos;s facilitators by every way they have set up — in Hearth, on this device,
                  by text message and by e-mail — and is escalated if nobody acknowledges it. So that nobody on duty misses one, these are not a preference.
                  {prefs.data.alerts.onDutyNow ? ' You are the clinician on duty now.' : null}
                </Alert>
                {me.user.role === 'clinician' ? (
                  <Text size="sm">
                    Which devices and mobile number alerts use is on{' '}
                    <Anchor component={Link} to="/account" underline="always">
                      your account page
                    </Anchor>
                    .
                  </Text>
                ) : null}
              </Stack>
            </Card>
          ) : null}
          <SuccessRegion message={saved} />
        </>
      ) : prefs.error ? null : (
        <PageLoader label="Loading your notification settings" />
      )}
      <ErrorRegion error={prefs.error ?? save.error} title="We couldn't save your notification settings" />
    </Stack>
  );
}
