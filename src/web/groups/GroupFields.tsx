import { NativeSelect, NumberInput, TextInput } from '@mantine/core';
import type { GroupDetail } from '../api/types';

type Kind = GroupDetail['kind'];

/** The group's own checks, the same on the new-group form and the Settings tab (the server's limits: 2–50 places, 1–50 to run). */
export function groupProblems({ name, capacity, minSize, meetingUrl }: { name: string; capacity: number; minSize: number; meetingUrl: string }) {
  return {
    name: name.trim() ? undefined : 'Give the group a name.',
    capacity: Number.isInteger(capacity) && capacity >= 2 && capacity <= 50 ? undefined : 'Enter 2 to 50.',
    minSize: !(Number.isInteger(minSize) && minSize >= 1 && minSize <= 50) ? 'Enter 1 to 50.' : minSize > capacity ? 'Cannot be more than the capacity.' : undefined,
    meetingUrl: meetingUrl.trim() && !/^https:\/\//i.test(meetingUrl.trim()) ? 'Use an https:// link.' : undefined,
  };
}

/** Capacity and minimum size, side by side in the form's grid. */
export function SizeFields({
  capacity,
  onCapacityChange,
  minSize,
  onMinSizeChange,
  fieldError,
  required = false,
}: {
  capacity: number | string;
  onCapacityChange: (value: number | string) => void;
  minSize: number | string;
  onMinSizeChange: (value: number | string) => void;
  fieldError: (field: 'capacity' | 'minSize') => string | undefined;
  required?: boolean;
}) {
  return (
    <>
      <NumberInput
        label="Capacity"
        description="Most members at once (2 to 50)."
        required={required}
        min={2}
        max={50}
        value={capacity}
        onChange={onCapacityChange}
        error={fieldError('capacity')}
      />
      <NumberInput
        label="Minimum size"
        description="Fewest members for the group to run."
        required={required}
        min={1}
        max={50}
        value={minSize}
        onChange={onMinSizeChange}
        error={fieldError('minSize')}
      />
    </>
  );
}

/** Closed (one cohort) or open (rolling) group. */
export function KindSelect({ value, onChange, error }: { value: Kind; onChange: (kind: Kind) => void; error?: string }) {
  return (
    <NativeSelect
      label="Kind"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value === 'open' ? 'open' : 'closed')}
      error={error}
      data={[
        { value: 'closed', label: 'Closed: one cohort from start to end' },
        { value: 'open', label: 'Open: people join on a rolling basis' },
      ]}
    />
  );
}

/** The link for online sessions (https only). */
export function MeetingUrlInput({ value, onChange, error }: { value: string; onChange: (url: string) => void; error: string | undefined }) {
  return (
    <TextInput
      label="Meeting link"
      description="For online sessions; must start with https://"
      type="url"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
