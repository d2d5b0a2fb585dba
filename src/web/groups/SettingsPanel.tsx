import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { PLACE_OF_SERVICE_MAX } from '../../shared/schemas/billing';
import type { GroupDetail } from '../api/types';
import { SectionForm } from '../layout/SectionCard';
import { useFormChecks } from '../layout/useFormChecks';
import { useMe } from '../auth/session';
import { GroupModerationSettings } from '../moderation/GroupModerationSettings';
import { FacilitatorsEditor } from '../programmes/FacilitatorsEditor';
import { groupStatusLabel, useUpdateGroup } from './api';
import { groupProblems, KindSelect, MeetingUrlInput, SizeFields } from './GroupFields';

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

  const cap = Number(capacity);
  const min = Number(minSize);
  const form = useFormChecks(update.error, groupProblems({ name, capacity: cap, minSize: min, meetingUrl }));
  const { fieldError, server } = form;

  function submit() {
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
      { onSuccess: () => form.setSaved('Settings saved.') },
    );
  }

  return (
    <>
      <SectionForm
        headingId="settings-heading"
        title="Settings"
        gap="md"
        onSubmit={() => form.submit(submit)}
        error={form.formError}
        errorTitle="We couldn't save the settings"
        saved={form.saved}
        submitLabel="Save settings"
        pending={update.isPending}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Group name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
          <NativeSelect
            label="Status"
            description="Finished and cancelled groups take no new referrals."
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as GroupDetail['status'])}
            data={(['forming', 'active', 'completed', 'cancelled'] as const).map((s) => ({ value: s, label: groupStatusLabel[s] }))}
          />
          <SizeFields capacity={capacity} onCapacityChange={setCapacity} minSize={minSize} onMinSizeChange={setMinSize} fieldError={fieldError} />
          <KindSelect value={kind} onChange={setKind} />
          <TextInput label="Room or place" value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={server?.fieldMessage('location')} />
          <MeetingUrlInput value={meetingUrl} onChange={setMeetingUrl} error={fieldError('meetingUrl')} />
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
      </SectionForm>
      {me.user.role === 'admin' ? <FacilitatorsEditor group={group} /> : null}
      <GroupModerationSettings groupId={group.id} />
    </>
  );
}
