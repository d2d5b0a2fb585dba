import { TextInput } from '@mantine/core';

/** Where the record number is entered, which decides what the field says. */
export type RecordNumberContext = 'referral' | 'intake' | 'record';

const DESCRIPTIONS: Record<RecordNumberContext, string> = {
  referral: "The service's record number for them, such as their NHS number. It goes on the record other systems receive.",
  intake: "Add or correct the service's record number for them, such as their NHS number. Leave empty to keep what was given at referral.",
  record: "The service's record number, such as their NHS number. It goes on billing lines and on the record other systems receive.",
};

/** The FHIR identifier system of the NHS number (as src/server/lib/record-number.ts). */
const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

/** A record number as people read it: an NHS number in its 3-3-4 groups, anything else as stored. */
export function formatRecordNumber(identifier: { system: string; value: string }): string {
  if (identifier.system === NHS_NUMBER_SYSTEM && /^\d{10}$/.test(identifier.value)) {
    return `${identifier.value.slice(0, 3)} ${identifier.value.slice(3, 6)} ${identifier.value.slice(6)}`;
  }
  return identifier.value;
}

interface Props {
  context: RecordNumberContext;
  value: string;
  onChange: (value: string) => void;
  /** The server's message for the field (invalid_identifier, identifier_taken). */
  error?: string | undefined;
}

/**
 * The one record-number input (referral, intake, the member's record): optional, up to 64
 * characters, checked by the server for the service's identifier system (an NHS number's check digit).
 */
export function RecordNumberField({ context, value, onChange, error }: Props) {
  return (
    <TextInput
      label="Record number (optional)"
      description={DESCRIPTIONS[context]}
      autoComplete="off"
      spellCheck={false}
      maxLength={64}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
