import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { Role } from '../api/types';
import { Fact, Facts } from '../layout/Facts';
import { ErrorRegion, QueryView } from '../layout/feedback';
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
      {editing ? <EditContactModal participantId={participantId} viewer={viewer} initial={editing} onClose={() => setEditing(null)} onSaved={onSaved} /> : null}
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

function EditContactModal({
  participantId,
  viewer,
  initial,
  onClose,
  onSaved,
}: {
  participantId: string;
  viewer: Role;
  initial: ContactDraft;
  onClose: () => void;
  onSaved?: ((message: string) => void) | undefined;
}) {
  const save = useSaveContactDetails(participantId);
  const [draft, setDraft] = useState(initial);
  const fields = editableContactFields(viewer);
  const error = save.error instanceof ApiError ? save.error : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(patchOf(draft, fields), {
      onSuccess: () => {
        onSaved?.('Contact details saved.');
        onClose();
      },
    });
  }
  return (
    <Modal opened onClose={onClose} title="Edit contact details" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ContactFields value={draft} onChange={setDraft} fields={fields} error={error} />
          <ErrorRegion error={save.error} title="We couldn't save the contact details" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
