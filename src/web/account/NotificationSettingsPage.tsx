import { Alert, Anchor, Stack, Switch, Text, Title } from '@mantine/core';
import { useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, SuccessRegion, usePageTitle } from '../layout/feedback';
import { SectionCard } from '../layout/SectionCard';
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
  /** A switch's change: saves `change(on)`, then says `said("on")` or `said("off")`. */
  const toggle = (change: (on: boolean) => NotificationPreferencesChange, said: (state: 'on' | 'off') => string) => (event: ChangeEvent<HTMLInputElement>) => {
    const on = event.currentTarget.checked;
    set(change(on), said(on ? 'on' : 'off'));
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
            <SectionCard
              headingId="mobile-heading"
              title="Your mobile number"
              testId="my-mobile"
              description="Only for the text messages you choose below. Your group and the other members never see it."
            >
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
            </SectionCard>
          ) : null}
          {prefs.data.sessionReminders ? (
            <SectionCard
              headingId="session-reminders-heading"
              title="Session reminders"
              testId="session-reminders"
              description="The day before each group session, and again 2 hours before it starts. Off unless you turn them on."
            >
              <Switch
                label="By e-mail"
                checked={prefs.data.sessionReminders.email}
                disabled={save.isPending}
                onChange={toggle(
                  (email) => ({ sessionReminders: { email } }),
                  (state) => `Session reminders by e-mail are ${state}.`,
                )}
              />
              {prefs.data.smsAvailable ? (
                <Switch
                  label="By text message"
                  description={prefs.data.mobile ? undefined : 'Add your mobile number above first.'}
                  checked={prefs.data.sessionReminders.sms}
                  disabled={save.isPending || (!prefs.data.mobile && !prefs.data.sessionReminders.sms)}
                  onChange={toggle(
                    (sms) => ({ sessionReminders: { sms } }),
                    (state) => `Session reminders by text message are ${state}.`,
                  )}
                />
              ) : null}
            </SectionCard>
          ) : null}
          {prefs.data.questionnaireReminders ? (
            <SectionCard
              headingId="questionnaire-reminders-heading"
              title="Questionnaire reminders"
              description="When a questionnaire has been waiting for a day: at most one e-mail a week, stopping once you answer."
            >
              <Switch
                label="By e-mail"
                checked={prefs.data.questionnaireReminders.email}
                disabled={save.isPending}
                onChange={toggle(
                  (email) => ({ questionnaireReminders: { email } }),
                  (state) => `Questionnaire reminders by e-mail are ${state}.`,
                )}
              />
            </SectionCard>
          ) : null}
          {prefs.data.sessionDigest ? (
            <SectionCard
              headingId="digest-heading"
              title="Session digest"
              description="Before each session of a group you facilitate: what was held, brought to group and celebrated, and open alerts. It always appears in your notifications in Hearth; the e-mail is your choice."
            >
              <Switch
                label="By e-mail"
                checked={prefs.data.sessionDigest.email}
                disabled={save.isPending}
                onChange={toggle(
                  (email) => ({ sessionDigest: { email } }),
                  (state) => `The session digest by e-mail is ${state}.`,
                )}
              />
            </SectionCard>
          ) : null}
          {prefs.data.alerts ? (
            <SectionCard headingId="alerts-heading" title="Alerts">
              <Alert color="blue" variant="light" title="Alerts cannot be switched off">
                An alert about a member&apos;s safety reaches the clinician on duty and the group&apos;s facilitators by every way they have set up — in Hearth, on this device, by
                text message and by e-mail — and is escalated if nobody acknowledges it. So that nobody on duty misses one, these are not a preference.
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
            </SectionCard>
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
