import { useState } from 'react';
import { useUsers } from '../admin/api';
import type { GroupDetail } from '../api/types';
import { QueryView } from '../layout/feedback';
import { SectionForm } from '../layout/SectionCard';
import { useFormChecks } from '../layout/useFormChecks';
import { useSetFacilitators } from './api';
import { FacilitatorFields, MAX_CO_FACILITATORS as MAX_CO } from './FacilitatorFields';

/** The group's lead and co-facilitators, chosen from the active clinicians (administrators). */
export function FacilitatorsEditor({ group }: { group: GroupDetail }) {
  const clinicians = useUsers({ role: 'clinician', status: 'active' });
  const save = useSetFacilitators(group.id);
  const [leadId, setLeadId] = useState(group.facilitators.find((f) => f.role === 'lead')?.userId ?? '');
  const [coIds, setCoIds] = useState(group.facilitators.filter((f) => f.role === 'co').map((f) => f.userId));
  const co = coIds.filter((id) => id !== leadId);
  const form = useFormChecks(save.error, {
    leadId: leadId ? undefined : 'Choose the lead facilitator.',
    coFacilitatorIds: co.length > MAX_CO ? `At most ${MAX_CO} co-facilitators.` : undefined,
  });

  return (
    <SectionForm
      headingId="facilitators-heading"
      title="Facilitators"
      description="Facilitators see the members, notes and alerts of this group; someone taken off loses that access at once."
      onSubmit={() => form.submit(() => save.mutate({ leadId, coFacilitatorIds: co }, { onSuccess: () => form.setSaved('Facilitators saved.') }))}
      error={form.formError}
      errorTitle="We couldn't change the facilitators"
      saved={form.saved}
      submitLabel="Save facilitators"
      pending={save.isPending}
    >
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
              leadError={form.fieldError('leadId')}
              coError={form.fieldError('coFacilitatorIds')}
            />
          );
        }}
      </QueryView>
    </SectionForm>
  );
}
