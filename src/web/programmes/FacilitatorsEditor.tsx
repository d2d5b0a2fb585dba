import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useUsers } from '../admin/api';
import { ApiError } from '../api/client';
import type { GroupDetail } from '../api/types';
import { ErrorRegion, QueryView, SuccessRegion } from '../layout/feedback';
import { useSetFacilitators } from './api';
import { FacilitatorFields, MAX_CO_FACILITATORS as MAX_CO } from './FacilitatorFields';

/** The group's lead and co-facilitators, chosen from the active clinicians (administrators). */
export function FacilitatorsEditor({ group }: { group: GroupDetail }) {
  const clinicians = useUsers({ role: 'clinician', status: 'active' });
  const save = useSetFacilitators(group.id);
  const [leadId, setLeadId] = useState(group.facilitators.find((f) => f.role === 'lead')?.userId ?? '');
  const [coIds, setCoIds] = useState(group.facilitators.filter((f) => f.role === 'co').map((f) => f.userId));
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const server = save.error instanceof ApiError ? save.error : null;
  const co = coIds.filter((id) => id !== leadId);
  const local = { leadId: leadId ? undefined : 'Choose the lead facilitator.', coFacilitatorIds: co.length > MAX_CO ? `At most ${MAX_CO} co-facilitators.` : undefined };
  const fieldError = (field: keyof typeof local) => server?.fieldMessage(field) ?? (attempted ? local[field] : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setSaved(null);
    if (Object.values(local).some(Boolean)) return;
    save.mutate({ leadId, coFacilitatorIds: co }, { onSuccess: () => setSaved('Facilitators saved.') });
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="facilitators-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="facilitators-heading">
            Facilitators
          </Title>
          <Text size="sm" c="dimmed">
            Facilitators see the members, notes and alerts of this group; someone taken off loses that access at once.
          </Text>
          <QueryView query={clinicians} loadingLabel="Loading clinicians…">
            {({ users }) => {
              // A facilitator who is no longer an active clinician stays listed until replaced.
              const options = [
                ...users.map((u) => ({ id: u.id, name: u.displayName })),
                ...group.facilitators.filter((f) => !users.some((u) => u.id === f.userId)).map((f) => ({ id: f.userId, name: `${f.displayName} (not active)` })),
              ];
              return (
                <FacilitatorFields
                  options={options}
                  leadId={leadId}
                  onLeadChange={setLeadId}
                  coIds={co}
                  onCoChange={setCoIds}
                  leadError={fieldError('leadId')}
                  coError={fieldError('coFacilitatorIds')}
                />
              );
            }}
          </QueryView>
          <ErrorRegion error={server?.details.length ? null : save.error} title="We couldn't change the facilitators" />
          <SuccessRegion message={saved} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save facilitators
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
