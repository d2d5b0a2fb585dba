import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { Role } from '../api/types';
import { Fact, Facts } from '../layout/Facts';
import { QueryView } from '../layout/feedback';
import { FormModal } from '../layout/FormModal';
import { formatDate } from '../layout/format';
import { ContactFields } from './ContactFields';
import { PhoneActions } from './PhoneActions';
import { contactMethodLabel, draftOf, editableContactFields, patchOf, useContactDetails, useSaveContactDetails, type ContactDetails, type ContactDraft } from './api';

interface Props {
  participantId: string;
  /** Whose card: the member's own ("you") or a clinician's view of a member. */
  viewer: Role;
  /** The member's name, for labels read out by screen readers (clinician view). */
  name?: string;
  onSaved?: (message: string) => void;
}

const notRecorded = (
  <Text span size="sm" c="dimmed">
    Not recorded
  </Text>
);

function consentLine(d: ContactDetails['emergencyContact']): React.ReactNode {
  if (d.consent === null)
    return (
      <Badge color="gray" variant="light">
        Consent not recorded
      </Badge>
    );
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={d.consent ? 'green' : 'red'} variant="light">
        {d.consent ? 'May be contacted' : 'Not to be contacted'}
      </Badge>
      {d.consentRecordedAt ? (
        <Text span size="xs" c="dimmed">
          recorded {formatDate(d.consentRecordedAt)}
        </Text>
      ) : null}
    </Group>
  );
}

/** How to reach a member: phones with tap-to-call, preferences, emergency contact, GP; edited in a modal by whoever may. */
export function ContactCard({ participantId, viewer, name, onSaved }: Props) {
  const details = useContactDetails(participantId);
  const [editing, setEditing] = useState<ContactDraft | null>(null);
  const own = viewer === 'participant';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="contact-heading">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h3" id="contact-heading">
          {own ? 'How we reach you' : 'Contact details'}
        </Title>
        {details.data ? (
          <Button size="xs" variant="default" onClick={() => details.data && setEditing(draftOf(details.data))} aria-label="Edit contact details">
            Edit
          </Button>
        ) : null}
      </Group>
      <QueryView query={details} loadingLabel="Loading contact details…">
        {(d) => <ContactFacts d={d} own={own} name={name} />}
      </QueryView>
      <EditContactModal participantId={participantId} viewer={viewer} initial={editing} onClose={() => setEditing(null)} onSaved={onSaved} />
    </Card>
  );
}

function ContactFacts({ d, own, name }: { d: ContactDetails; own: boolean; name?: string | undefined }) {
  const e = d.emergencyContact;
  return (
    <Stack gap="md">
      <Facts>
        <Fact label="Mobile">{d.mobilePhone ? <PhoneActions phone={d.mobilePhone} label="mobile" mobile who={name} actions={!own} /> : notRecorded}</Fact>
        <Fact label="Home">{d.homePhone ? <PhoneActions phone={d.homePhone} label="home number" who={name} actions={!own} /> : notRecorded}</Fact>
        <Fact label="Preferred contact">
          {d.preferredMethod ? contactMethodLabel[d.preferredMethod] : 'No preference given'}
          {d.preferredTimes ? ` · ${d.preferredTimes}` : ''}
        </Fact>
        <Fact label="Emergency contact">
          {e.name || e.phone ? (
            <Stack gap={4}>
              <span>
                {e.name ?? 'No name'}
                {e.relation ? ` (${e.relation})` : ''}
              </span>
              {e.phone ? <PhoneActions phone={e.phone} label="emergency contact" /> : null}
              {consentLine(e)}
            </Stack>
          ) : (
            notRecorded
          )}
        </Fact>
        <Fact label="GP / primary care">
          {d.gp.practiceName || d.gp.name || d.gp.phone ? (
            <Stack gap={4}>
              <span>{[d.gp.practiceName, d.gp.name].filter(Boolean).join(' · ')}</span>
              {d.gp.phone ? <PhoneActions phone={d.gp.phone} label="GP practice" /> : null}
              {d.gp.address ? <span style={{ whiteSpace: 'pre-line' }}>{d.gp.address}</span> : null}
            </Stack>
          ) : (
            notRecorded
          )}
        </Fact>
        {!own ? <Fact label="Contact risks">{d.contactRiskNote ?? 'None noted'}</Fact> : null}
      </Facts>
      <Text size="xs" c="dimmed">
        {own
          ? 'Only you and the clinicians of your groups see these details. Your GP details are kept by your clinicians.'
          : 'Seen by the member and their clinicians only. Opening them is logged.'}
        {d.updatedAt && d.updatedBy ? ` Last changed ${formatDate(d.updatedAt)} by ${d.updatedBy.name}.` : ''}
      </Text>
    </Stack>
  );
}

/** Edits the details this viewer may change; the draft starts again from the saved details each time it opens. */
function EditContactModal({
  participantId,
  viewer,
  initial,
  onClose,
  onSaved,
}: {
  participantId: string;
  viewer: Role;
  /** The saved details as a draft; null while closed. */
  initial: ContactDraft | null;
  onClose: () => void;
  onSaved?: ((message: string) => void) | undefined;
}) {
  const save = useSaveContactDetails(participantId);
  const [edited, setDraft] = useState(initial);
  // Before the first reset (the modal's first opening) the draft is the saved details.
  const draft = edited ?? initial;
  const fields = editableContactFields(viewer);
  const error = save.error instanceof ApiError ? save.error : null;
  return (
    <FormModal
      opened={initial !== null}
      onClose={onClose}
      title="Edit contact details"
      submitLabel="Save"
      mutation={save}
      errorTitle="We couldn't save the contact details"
      onReset={() => setDraft(initial)}
      onSubmit={(close) => {
        if (!draft) return;
        save.mutate(patchOf(draft, fields), {
          onSuccess: () => {
            onSaved?.('Contact details saved.');
            close();
          },
        });
      }}
    >
      {draft ? <ContactFields value={draft} onChange={setDraft} fields={fields} error={error} /> : null}
    </FormModal>
  );
}
