import { Card, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { notificationPreferencesSchema } from '../../shared/schemas/reminders';
import { api } from '../api/client';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';

type Preferences = z.infer<typeof notificationPreferencesSchema>;
type Kind = 'sessionReminders' | 'questionnaireReminders';
const KEY = ['me', 'notification-preferences'];

/**
 * The member's reminder settings: session reminders (24 hours and 2 hours before) and questionnaire
 * reminders (at most weekly) by e-mail, each on or off, saved as soon as it is switched.
 */
export function ReminderPreferencesCard() {
  const client = useQueryClient();
  const prefs = useQuery({ queryKey: KEY, queryFn: () => api<Preferences>('GET', '/me/notification-preferences') });
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (change: Partial<Record<Kind, { email: boolean }>>) => api<Preferences>('PUT', '/me/notification-preferences', change),
    onSuccess: (next, change) => {
      client.setQueryData(KEY, next);
      const [kind, value] = Object.entries(change)[0] as [Kind, { email: boolean }];
      const what = kind === 'sessionReminders' ? 'Session reminders' : 'Questionnaire reminders';
      setSaved(`${what} by e-mail are ${value.email ? 'on' : 'off'}.`);
    },
  });

  function toggle(kind: Kind, email: boolean) {
    setSaved(null);
    save.mutate({ [kind]: { email } });
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="reminders-heading" data-testid="reminder-preferences">
      <Stack gap="sm">
        <Title order={2} size="h3" id="reminders-heading">
          Reminders
        </Title>
        {prefs.data ? (
          <>
            <Text size="sm">
              Reminders go by e-mail to <strong>{prefs.data.emailAddress}</strong>. They never say what the group is about, so they are safe in a shared inbox.
            </Text>
            <Switch
              label="Session reminders"
              description="An e-mail the day before each group session, and another 2 hours before it starts. Off unless you turn it on."
              checked={prefs.data.sessionReminders.email}
              disabled={save.isPending}
              onChange={(e) => toggle('sessionReminders', e.currentTarget.checked)}
            />
            <Switch
              label="Questionnaire reminders"
              description="When a questionnaire has been waiting for a day: at most one e-mail a week, stopping once you answer."
              checked={prefs.data.questionnaireReminders.email}
              disabled={save.isPending}
              onChange={(e) => toggle('questionnaireReminders', e.currentTarget.checked)}
            />
            <SuccessRegion message={saved} />
          </>
        ) : prefs.error ? null : (
          <Loader size="sm" aria-label="Loading your reminder settings" />
        )}
        <ErrorRegion error={prefs.error ?? save.error} title="We couldn't save your reminder settings" />
      </Stack>
    </Card>
  );
}
