import { Checkbox, NativeSelect, Stack } from '@mantine/core';

/** A group has one lead and at most this many co-facilitators (the server's limit too). */
export const MAX_CO_FACILITATORS = 5;

/**
 * The lead facilitator (a select) and the co-facilitators (checkboxes, the lead left out) chosen
 * from `options`: the new-group form and the group's Settings tab. `coIds` may still hold the
 * lead; it is never shown as a co-facilitator.
 */
export function FacilitatorFields({
  options,
  leadId,
  onLeadChange,
  coIds,
  onCoChange,
  leadError,
  coError,
}: {
  options: { id: string; name: string }[];
  leadId: string;
  onLeadChange: (id: string) => void;
  coIds: string[];
  onCoChange: (ids: string[]) => void;
  leadError: string | undefined;
  coError: string | undefined;
}) {
  return (
    <Stack gap="sm">
      <NativeSelect
        label="Lead facilitator"
        required
        value={leadId}
        onChange={(e) => onLeadChange(e.currentTarget.value)}
        error={leadError}
        data={[{ value: '', label: 'Choose a clinician' }, ...options.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <Checkbox.Group
        label="Co-facilitators"
        description={`Optional, at most ${MAX_CO_FACILITATORS}.`}
        value={coIds.filter((id) => id !== leadId)}
        onChange={onCoChange}
        error={coError}
      >
        <Stack gap={6} mt={6}>
          {options
            .filter((o) => o.id !== leadId)
            .map((o) => (
              <Checkbox key={o.id} value={o.id} label={o.name} />
            ))}
        </Stack>
      </Checkbox.Group>
    </Stack>
  );
}
