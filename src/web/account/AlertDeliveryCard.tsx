import { Alert, Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { useMyDelivery } from '../duty/api';
import { currentSubscription, pushSupported, subscribeThisDevice, unsubscribeThisDevice } from '../duty/push';
import { ErrorRegion, errorMessage } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { MobileNumberForm } from './MobileNumberForm';
import { dutyKeys } from '../duty/api';

/**
 * How alerts reach a clinician away from the queue: notifications on this device (Web Push) and
 * a mobile number for text messages. Neither ever carries clinical detail.
 */
export function AlertDeliveryCard() {
  const mine = useMyDelivery();
  const client = useQueryClient();
  const [subscribed, setSubscribed] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [pushError, setPushError] = useState<string | null>(null);
  const supported = pushSupported();

  useEffect(() => {
    void currentSubscription().then((s) => setSubscribed(!!s));
  }, []);

  async function toggle(on: boolean) {
    setBusy(true);
    setPushError(null);
    try {
      if (on) {
        if (!mine.data?.vapidPublicKey) throw new Error('Notifications are not set up for this service yet. Ask your administrator.');
        await subscribeThisDevice(mine.data.vapidPublicKey);
      } else await unsubscribeThisDevice();
      setSubscribed(on);
      await client.invalidateQueries({ queryKey: dutyKeys.myDelivery });
    } catch (error) {
      setPushError(error instanceof ApiError ? error.message : errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="alert-delivery-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="alert-delivery-heading">
          How alerts reach you
        </Title>
        <Text size="sm">
          When an alert is raised in a group you facilitate, or while you are on duty, Hearth tells you here, by notification on your devices, by text message and by e-mail. None
          of these say who or what: they ask you to open Hearth.
        </Text>
        {mine.error ? <ErrorRegion error={mine.error} title="We couldn't load your alert settings" /> : null}
        {supported ? (
          <Switch
            label="Notifications on this device"
            description="Your browser asks for permission the first time."
            checked={!!subscribed}
            disabled={busy || subscribed === null || !mine.data}
            onChange={(e) => void toggle(e.currentTarget.checked)}
          />
        ) : (
          <Alert color="gray" variant="light" title="This browser cannot show notifications">
            Use a current browser, or install Hearth on your phone&apos;s home screen, to get notifications.
          </Alert>
        )}
        {pushError ? (
          <Alert color="red" variant="light" role="alert">
            {pushError}
          </Alert>
        ) : null}
        {mine.data && mine.data.devices.length > 0 ? (
          <Text size="sm" c="dimmed">
            Devices receiving notifications: {mine.data.devices.length} (last added {formatDateTime(mine.data.devices.at(-1)?.createdAt)}).
          </Text>
        ) : null}
        <MobileNumberForm
          current={mine.data?.mobile ?? null}
          label="Mobile number for text messages"
          description="Remove it to get no text messages."
          said={(r) => (r.mobile ? `Text messages about alerts go to ${r.mobile}.` : 'No text messages will be sent to you.')}
        />
      </Stack>
    </Card>
  );
}
