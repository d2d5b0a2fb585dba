import { Anchor, Button, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useUsers } from '../admin/api';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { checkScheduleDraft, ScheduleFields, scheduleDraftFrom, type ScheduleDraft } from '../groups/ScheduleFields';
import { KindSelect, MeetingUrlInput, SizeFields, groupProblems } from '../groups/GroupFields';
import { ErrorRegion, QueryView, usePageTitle } from '../layout/feedback';
import { SectionCard } from '../layout/SectionCard';
import { useCreateGroup, useProgrammes, type ProgrammeSummary } from './api';
import { FacilitatorFields, MAX_CO_FACILITATORS as MAX_CO } from './FacilitatorFields';

/**
 * /groups/new: a new group (forming) of a programme, with its facilitators, size, place, meeting
 * link, the group space's moderation and, when chosen, its schedule (sent in the same request: a
 * schedule the server refuses creates no group). Administrators choose the lead and
 * co-facilitators from the active clinicians; a clinician creating a group leads it. Without a
 * schedule the page opens the group's Schedule tab after saving; with one, its Sessions tab.
 */
export function NewGroupPage() {
  const me = useMe();
  usePageTitle('New group', me.service.name);
  const programmes = useProgrammes();
  return (
    <Stack gap="lg">
      <div>
        {me.user.role === 'admin' ? (
          <Anchor component={Link} to="/admin/programmes" size="sm">
            ← Programmes and groups
          </Anchor>
        ) : null}
        <Title order={1}>New group</Title>
        <Text c="dimmed">The group starts as “forming”. Set its schedule now or after saving; members join through referrals.</Text>
      </div>
      <QueryView query={programmes} loadingLabel="Loading programmes…">
        {({ programmes: list }) =>
          list.length === 0 ? (
            <Text>
              There is no programme yet.{' '}
              {me.user.role === 'admin' ? (
                <Anchor component={Link} to="/admin/programmes/new">
                  Create a programme first
                </Anchor>
              ) : (
                'An administrator creates programmes.'
              )}
            </Text>
          ) : (
            <GroupForm programmes={list} />
          )
        }
      </QueryView>
    </Stack>
  );
}

function GroupForm({ programmes }: { programmes: ProgrammeSummary[] }) {
  const me = useMe();
  const isAdmin = me.user.role === 'admin';
  const clinicians = useUsers({ role: 'clinician', status: 'active' }, isAdmin);
  const staff = isAdmin ? (clinicians.data?.users ?? []) : [];
  const navigate = useNavigate();
  const create = useCreateGroup();

  const [programmeId, setProgrammeId] = useState(programmes[0]?.id ?? '');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'closed' | 'open'>('closed');
  const [capacity, setCapacity] = useState<number | string>(10);
  const [minSize, setMinSize] = useState<number | string>(4);
  const [leadId, setLeadId] = useState('');
  const [coIds, setCoIds] = useState<string[]>([]);
  const [location, setLocation] = useState('');
  const [meetingUrl, setMeetingUrl] = useState('');
  const [moderationMode, setModerationMode] = useState<'pre' | 'post'>('post');
  const [scheduleNow, setScheduleNow] = useState<'now' | 'later'>('now');
  const [schedule, setSchedule] = useState<ScheduleDraft>(() => scheduleDraftFrom(null, me.service.timeZone).draft);
  const [attempted, setAttempted] = useState(false);
  const scheduleCheck = checkScheduleDraft(schedule);

  const cap = Number(capacity);
  const min = Number(minSize);
  const local = {
    programmeId: programmeId ? undefined : 'Choose a programme.',
    ...groupProblems({ name, capacity: cap, minSize: min, meetingUrl }),
    leadId: isAdmin && !leadId ? 'Choose the lead facilitator.' : undefined,
    coFacilitatorIds: coIds.length > MAX_CO ? `At most ${MAX_CO} co-facilitators.` : undefined,
  };
  const withSchedule = scheduleNow === 'now';
  const server = create.error instanceof ApiError ? create.error : null;
  // A refusal of the schedule as a whole (422 invalid_schedule) is shown in the schedule's section.
  const scheduleRefusal = server?.fieldMessage('schedule');
  const fieldError = (field: keyof typeof local | 'location' | 'kind' | 'moderationMode') =>
    server?.fieldMessage(field) ?? (attempted && field in local ? local[field as keyof typeof local] : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.values(local).some(Boolean) || (withSchedule && !scheduleCheck.valid)) return;
    create.mutate(
      {
        programmeId,
        name: name.trim(),
        kind,
        capacity: cap,
        minSize: min,
        ...(isAdmin ? { leadId } : {}),
        coFacilitatorIds: coIds.filter((id) => id !== leadId),
        location: location.trim() || null,
        meetingUrl: meetingUrl.trim() || null,
        moderationMode,
        ...(withSchedule ? { schedule: scheduleCheck.value } : {}),
      },
      { onSuccess: ({ id }) => void navigate(`/groups/${id}?tab=${withSchedule ? 'sessions' : 'schedule'}`) },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <SectionCard headingId="group-basics" title="The group">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label="Programme"
              required
              value={programmeId}
              onChange={(e) => setProgrammeId(e.currentTarget.value)}
              error={fieldError('programmeId')}
              data={programmes.map((p) => ({ value: p.id, label: `${p.name} (${p.sessionCount} ${p.sessionCount === 1 ? 'session' : 'sessions'})` }))}
            />
            <TextInput label="Group name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} maxLength={120} />
            <KindSelect value={kind} onChange={setKind} error={fieldError('kind')} />
            <div />
            <SizeFields capacity={capacity} onCapacityChange={setCapacity} minSize={minSize} onMinSizeChange={setMinSize} fieldError={fieldError} required />
          </SimpleGrid>
        </SectionCard>
        <SectionCard headingId="group-facilitators" title="Facilitators">
          {isAdmin ? (
            <QueryView query={clinicians} loadingLabel="Loading clinicians…">
              {() =>
                staff.length === 0 ? (
                  <Text>
                    There is no active clinician to lead the group.{' '}
                    <Anchor component={Link} to="/admin/users">
                      Invite one
                    </Anchor>
                  </Text>
                ) : (
                  <FacilitatorFields
                    options={staff.map((u) => ({ id: u.id, name: u.displayName }))}
                    leadId={leadId}
                    onLeadChange={setLeadId}
                    coIds={coIds}
                    onCoChange={setCoIds}
                    leadError={fieldError('leadId')}
                    coError={fieldError('coFacilitatorIds')}
                  />
                )
              }
            </QueryView>
          ) : (
            <Text size="sm">You will lead this group. An administrator can add co-facilitators afterwards, on the group’s Settings tab.</Text>
          )}
        </SectionCard>
        <SectionCard headingId="group-place" title="Place and group space">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Room or place"
              description="Optional."
              value={location}
              onChange={(e) => setLocation(e.currentTarget.value)}
              error={fieldError('location')}
              maxLength={300}
            />
            <MeetingUrlInput value={meetingUrl} onChange={setMeetingUrl} error={fieldError('meetingUrl')} />
          </SimpleGrid>
          <Radio.Group
            label="Group space moderation"
            description="Staffed hours (Monday to Friday, 09:00–17:00 at first) can be changed on the group's Settings tab."
            value={moderationMode}
            onChange={(v) => setModerationMode(v as 'pre' | 'post')}
            error={fieldError('moderationMode')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="post" label="Post-moderation: posts appear at once in staffed hours; facilitators review after" />
              <Radio value="pre" label="Pre-moderation: a facilitator reads every post before the group sees it" />
            </Stack>
          </Radio.Group>
        </SectionCard>
        <SectionCard headingId="group-schedule" title="Schedule">
          <Radio.Group label="When to set the schedule" value={scheduleNow} onChange={(v) => setScheduleNow(v as 'now' | 'later')}>
            <Stack gap={6} mt={6}>
              <Radio value="now" label="Now: the sessions are planned when the group is created" />
              <Radio value="later" label="Later, on the group’s Schedule tab" />
            </Stack>
          </Radio.Group>
          {withSchedule ? (
            <>
              <ScheduleFields draft={schedule} onChange={setSchedule} problems={scheduleCheck.problems} showProblems={attempted} />
              {scheduleRefusal ? (
                <Text c="red.8" size="sm" id="schedule-refused">
                  {scheduleRefusal}
                </Text>
              ) : null}
            </>
          ) : null}
        </SectionCard>
        <ErrorRegion error={server && server.details.length === 0 ? create.error : null} title="We couldn't create the group" />
        {server && server.details.length > 0 ? (
          <Text c="red.8" size="sm" role="alert">
            {server.message} See the messages above.
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={create.isPending}>
            Create group
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
