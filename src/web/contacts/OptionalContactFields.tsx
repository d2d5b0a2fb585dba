import { Button, Collapse, Stack } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../api/client';
import { ContactFields } from './ContactFields';
import type { ContactDraft, ContactField } from './api';

/** Contact details as an optional part of a referral or intake form: folded away until asked for. */
export function OptionalContactFields(props: {
  value: ContactDraft;
  onChange: (next: ContactDraft) => void;
  fields: readonly ContactField[];
  error: ApiError | null;
  label: string;
}) {
  const problem = props.fields.some((f) => props.error?.fieldMessage(f));
  const [open, setOpen] = useState(false);
  const shown = open || problem;
  return (
    <Stack gap="sm">
      <Button variant="subtle" size="compact-sm" onClick={() => setOpen(!shown)} aria-expanded={shown} style={{ alignSelf: 'flex-start' }}>
        {shown ? `Hide ${props.label.toLowerCase()}` : `${props.label} (optional)`}
      </Button>
      <Collapse expanded={shown}>
        <ContactFields value={props.value} onChange={props.onChange} fields={props.fields} error={props.error} />
      </Collapse>
    </Stack>
  );
}
