import { Group, Radio } from '@mantine/core';

type Option<V extends string> = { value: V; label: string };

/** A required choice between two answers, side by side; the first takes the focus when the dialog opens. */
export function TwoWayChoice<V extends string>({
  label,
  value,
  onChange,
  options,
  error,
}: {
  label: string;
  value: V | '';
  onChange: (value: V) => void;
  options: [Option<V>, Option<V>];
  error: string | undefined;
}) {
  const [first, second] = options;
  return (
    <Radio.Group label={label} required value={value} onChange={(v) => onChange(v === second.value ? second.value : first.value)} error={error}>
      <Group gap="md" mt={6}>
        <Radio value={first.value} label={first.label} data-autofocus />
        <Radio value={second.value} label={second.label} />
      </Group>
    </Radio.Group>
  );
}
