import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSyncedDraft } from '../layout/useSyncedDraft';
import { normaliseProfessionalIdentifier, PROFESSIONAL_IDENTIFIER_MAX, type StaffProfile } from '../../shared/schemas/billing';
import { ApiError } from '../api/client';
import { ErrorRegion, QueryView, SuccessRegion } from '../layout/feedback';
import { useStaffProfile, useUpdateStaffProfile } from './api';

/** A staff member's own professional identifier (NPI, GMC, HCPC…), the rendering provider's number on billing lines. */
export function StaffProfileCard() {
  const profile = useStaffProfile();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="staff-profile-heading">
      <Title order={2} size="h3" id="staff-profile-heading" mb="xs">
        Professional identifier
      </Title>
      <QueryView query={profile} loadingLabel="Loading your professional identifier…">
        {(current) => <StaffProfileForm current={current} />}
      </QueryView>
    </Card>
  );
}

function StaffProfileForm({ current }: { current: StaffProfile }) {
  const update = useUpdateStaffProfile();
  const [value, setValue] = useSyncedDraft(current, (c) => c.professionalIdentifier ?? '');
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const problem = value.trim() && !normaliseProfessionalIdentifier(value) ? 'Use 3 to 32 letters, digits, spaces, hyphens, full stops or slashes.' : undefined;
  const server = update.error instanceof ApiError ? update.error : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setSaved(null);
    if (problem) return;
    update.mutate(value.trim() || null, { onSuccess: () => setSaved(value.trim() ? 'Professional identifier saved.' : 'Professional identifier removed.') });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Your registration number as your register issued it (for example an NPI, GMC, NMC or HCPC number). It goes on billing lines for the groups you lead.
        </Text>
        <TextInput
          label="Professional identifier (optional)"
          autoComplete="off"
          spellCheck={false}
          maxLength={PROFESSIONAL_IDENTIFIER_MAX + 8}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={server?.fieldMessage('professionalIdentifier') ?? (attempted ? problem : undefined)}
          maw={360}
        />
        <SuccessRegion message={saved} />
        <ErrorRegion error={server?.details.length ? null : update.error} title="We couldn't save your professional identifier" />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
