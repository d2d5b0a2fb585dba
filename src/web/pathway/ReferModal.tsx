import { NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { REFERRAL_NAME_MAX, REFERRAL_REASON_MAX } from '../../shared/schemas/pathway';
import { ApiError } from '../api/client';
import { editableContactFields, EMPTY_DRAFT, hasAny, patchOf } from '../contacts/api';
import { OptionalContactFields } from '../contacts/OptionalContactFields';
import { QueryView } from '../layout/feedback';
import { FormModal } from '../layout/FormModal';
import { useCreateReferral, useReferralTargets } from './api';
import { RecordNumberField } from './RecordNumberField';

/** Refer a person to a group: any clinician may; the group's facilitators screen the referral. */
export function ReferModal({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: (message: string) => void }) {
  const targets = useReferralTargets(opened);
  const create = useCreateReferral();
  const [groupId, setGroupId] = useState('');
  const [personName, setPersonName] = useState('');
  const [personEmail, setPersonEmail] = useState('');
  const [reason, setReason] = useState('');
  const [recordNumber, setRecordNumber] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [contact, setContact] = useState(EMPTY_DRAFT);
  const contactFields = editableContactFields('clinician');

  const chosenGroup = groupId || targets.data?.groups[0]?.id || '';
  function submit(close: () => void) {
    setAttempted(true);
    if (!chosenGroup || !personName.trim() || !personEmail.trim() || !reason.trim()) return;
    create.mutate(
      {
        groupId: chosenGroup,
        personName: personName.trim(),
        personEmail: personEmail.trim(),
        reason: reason.trim(),
        ...(recordNumber.trim() ? { recordNumber: recordNumber.trim() } : {}),
        ...(hasAny(contact, contactFields) ? { contact: patchOf(contact, contactFields) } : {}),
      },
      {
        onSuccess: (referral) => {
          onDone(`${referral.personName} has been referred to ${referral.groupName}. The group's facilitators will screen the referral.`);
          close();
        },
      },
    );
  }

  const error = create.error instanceof ApiError ? create.error : null;
  const field = (name: string, value: string, empty: string) => error?.fieldMessage(name) ?? (attempted && !value.trim() ? empty : undefined);
  const groups = targets.data?.groups ?? [];
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="Refer someone to a group"
      submitLabel="Send referral"
      mutation={create}
      error={error?.details.length && error.code !== 'invalid_phone' ? null : create.error}
      errorTitle="We couldn't make the referral"
      // Until the groups are known, and when none takes referrals, there is nothing to fill in.
      result={
        groups.length === 0 ? (
          <QueryView query={targets} loadingLabel="Loading groups…">
            {() => <Text>No group is taking referrals at the moment.</Text>}
          </QueryView>
        ) : undefined
      }
      onReset={() => {
        setGroupId('');
        setPersonName('');
        setPersonEmail('');
        setReason('');
        setRecordNumber('');
        setAttempted(false);
        setContact(EMPTY_DRAFT);
      }}
      onSubmit={submit}
    >
      <NativeSelect
        label="Group"
        required
        value={chosenGroup}
        onChange={(e) => setGroupId(e.currentTarget.value)}
        data={groups.map((g) => ({ value: g.id, label: `${g.name} (${g.programmeName})` }))}
        data-autofocus
      />
      <TextInput
        label="Person's full name"
        required
        autoComplete="off"
        maxLength={REFERRAL_NAME_MAX}
        value={personName}
        onChange={(e) => setPersonName(e.currentTarget.value)}
        error={field('personName', personName, 'Enter their name.')}
      />
      <TextInput
        label="Their e-mail"
        description="Used to invite them if they are offered a place."
        type="email"
        required
        autoComplete="off"
        value={personEmail}
        onChange={(e) => setPersonEmail(e.currentTarget.value)}
        error={field('personEmail', personEmail, 'Enter their e-mail address.')}
      />
      <Textarea
        label="Reason for referral"
        description="What they are living with and what they hope the group will give them."
        required
        autosize
        minRows={3}
        maxLength={REFERRAL_REASON_MAX}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={field('reason', reason, 'Give a reason.')}
      />
      <RecordNumberField context="referral" value={recordNumber} onChange={setRecordNumber} error={error?.fieldMessage('recordNumber')} />
      <OptionalContactFields value={contact} onChange={setContact} fields={contactFields} error={error} label="Contact details" />
    </FormModal>
  );
}
