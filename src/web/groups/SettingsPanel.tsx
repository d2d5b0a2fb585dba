import { Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PLACE_OF_SERVICE_MAX } from '../../shared/schemas/billing';
import { ApiError } from '../api/client';
import type { GroupDetail } from '../api/types';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';
import { useMe } from '../auth/session';
import { GroupModerationSettings } from '../moderation/GroupModerationSettings';
import { FacilitatorsEditor } from '../programmes/FacilitatorsEditor';
import { groupStatusLabel, useUpdateGroup } from './api';

/** Capacity, minimum size, room, meeting link, place of service, kind and status of a group. */
export function SettingsPanel({ group }: { group: GroupDetail }) {
  const me = useMe();
  const update = useUpdateGroup(group.id);
  const [name, setName] = useState(group.name);
  const [kind, setKind] = useState(group.kind);
  const [capacity, setCapacity] = useState<number | string>(group.capacity ?? 12);
  const [minSize, setMinSize] = useState<number | string>(group.minSize ?? 4);
  const [location, setLocation] = useState(group.location ?? '');
  const [meetingUrl, setMeetingUrl] = useState(group.meetingUrl ?? '');
  const [status, setStatus] = useState(group.status);
  const [placeOfService, setPlaceOfService] = useState(group.placeOfService ?? '');
  const [saved, setSaved] = useState<string | null>(null);

  const cap = Number(capacity);
  const min = Number(minSize);
  const local = {
    name: !name.trim() ? 'Give the group a name.' : undefined,
    capacity: !(Number.isInteger(cap) && cap >= 2 && cap <= 50) ? 'Enter 2 to 50.' : undefined,
    minSize: !(Number.isInteger(min) && min >= 1 && min <= 50) ? 'Enter 1 to 50.' : min > cap ? 'Cannot be more than the capacity.' : undefined,
    meetingUrl: meetingUrl.trim() && !/^https:\/\//i.test(meetingUrl.trim()) ? 'Use an https:// link.' : undefined,
  };
  const [attempted, setAttempted] = useState(false);
  const server = update.error instanceof ApiError ? update.error : null;
  const fieldError = (field: keyof typeof local) => server?.fieldMessage(field) ?? (attempted ? local[field] : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setSaved(null);
    if (Object.values(local).some(Boolean)) return;
    update.mutate(
      {
        name: name.trim(),
        kind,
        capacity: cap,
        minSize: min,
        location: location.trim() || null,
        meetingUrl: meetingUrl.trim() || null,
        status,
        placeOfService: placeOfService.trim() || null,
      },
      { onSuccess: () => setSaved('Settings saved.') },
    );
  }

  return (
    <>
      <Card withBorder padding="lg" component="section" aria-labelledby="settings-heading">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Title order={2} size="h3" id="settings-heading">
              Settings
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label="Group name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
              <NativeSelect
                label="Status"
                description="Finished and cancelled groups take no new referrals."
                value={status}
                onChange={(e) => setStatus(e.currentTarget.value as GroupDetail['status'])}
                data={(['forming', 'active', 'completed', 'cancelled'] as const).map((s) => ({ value: s, label: groupStatusLabel[s] }))}
              />
              <NumberInput label="Capacity" description="Most members at once." min={2} max={50} value={capacity} onChange={setCapacity} error={fieldError('capacity')} />
              <NumberInput
                label="Minimum size"
                description="Fewest members for the group to run."
                min={1}
                max={50}
                value={minSize}
                onChange={setMinSize}
                error={fieldError('minSize')}
              />
              <NativeSelect
                label="Kind"
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value as GroupDetail['kind'])}
                data={[
                  { value: 'closed', label: 'Closed: one cohort from start to end' },
                  { value: 'open', label: 'Open: people join on a rolling basis' },
                ]}
              />
              <TextInput label="Room or place" value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={server?.fieldMessage('location')} />
              <TextInput
                label="Meeting link"
                description="For online sessions; must start with https://"
                type="url"
                value={meetingUrl}
                onChange={(e) => setMeetingUrl(e.currentTarget.value)}
                error={fieldError('meetingUrl')}
              />
              <TextInput
                label="Place of service (optional)"
                description="For billing lines: a code such as 53 (community mental health centre) or 02 (telehealth)."
                autoComplete="off"
                maxLength={PLACE_OF_SERVICE_MAX}
                value={placeOfService}
                onChange={(e) => setPlaceOfService(e.currentTarget.value)}
                error={server?.fieldMessage('placeOfService')}
              />
            </SimpleGrid>
            <ErrorRegion error={server?.details.length ? null : update.error} title="We couldn't save the settings" />
            <SuccessRegion message={saved} />
            <Group>
              <Button type="submit" loading={update.isPending}>
                Save settings
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {me.user.role === 'admin' ? <FacilitatorsEditor group={group} /> : null}
      <GroupModerationSettings groupId={group.id} />
    </>
  );
}
