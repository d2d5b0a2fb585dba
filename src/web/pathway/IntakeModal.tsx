import { NumberInput, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { draftOf, editableContactFields, EMPTY_DRAFT, hasAny, patchOf, useReferralContact } from '../contacts/api';
import { OptionalContactFields } from '../contacts/OptionalContactFields';
import { FormModal } from '../layout/FormModal';
import { RecordNumberField } from './RecordNumberField';
import { useReferralStep } from './api';
import type { ReferralStepProps } from './referral-step';
import { TwoWayChoice } from './TwoWayChoice';

/** The suitability screen: suitable people join the waitlist (with a priority), others are closed with the notes on file. */
export function IntakeModal({ groupId, referral, onClose, onDone }: ReferralStepProps) {
  const { intake } = useReferralStep(groupId);
  const [suitable, setSuitable] = useState<'yes' | 'no' | ''>('');
  const [notes, setNotes] = useState('');
  const [recordNumber, setRecordNumber] = useState('');
  const [priority, setPriority] = useState<number | string>(0);
  const [attempted, setAttempted] = useState(false);
  const [contact, setContact] = useState(EMPTY_DRAFT);
  const contactFields = editableContactFields('clinician');
  // The details taken at referral fill the form once, to be confirmed or corrected.
  const taken = useReferralContact(referral?.id ?? null);
  const [filledFor, setFilledFor] = useState<string | null>(null);
  if (referral && taken.data && filledFor !== referral.id) {
    setContact(draftOf(taken.data));
    setFilledFor(referral.id);
  }

  const error = intake.error instanceof ApiError ? intake.error : null;
  return (
    <FormModal
      opened={referral !== null}
      onClose={onClose}
      title={referral ? `Intake for ${referral.personName}` : ''}
      submitLabel="Save intake"
      mutation={intake}
      // A field's error shows under that field; an invalid phone number is explained in the alert too.
      error={error?.details.length && error.code !== 'invalid_phone' ? null : intake.error}
      errorTitle="We couldn't save the intake"
      onReset={() => {
        setSuitable('');
        setNotes('');
        setPriority(0);
        setAttempted(false);
        setContact(EMPTY_DRAFT);
        setRecordNumber('');
        setFilledFor(null);
      }}
      onSubmit={(close) => {
        setAttempted(true);
        if (!referral || !suitable || !notes.trim()) return;
        intake.mutate(
          {
            referralId: referral.id,
            suitable: suitable === 'yes',
            notes: notes.trim(),
            priority: suitable === 'yes' ? Number(priority) || 0 : 0,
            contact: hasAny(contact, contactFields) ? patchOf(contact, contactFields) : undefined,
            ...(recordNumber.trim() ? { recordNumber: recordNumber.trim() } : {}),
          },
          {
            onSuccess: (r) => {
              onDone(
                r.status === 'waitlisted'
                  ? `${r.personName} is on the waitlist${r.waitlistPosition ? ` at number ${r.waitlistPosition}` : ''}.`
                  : `${r.personName} was screened as not suitable. The notes are on file.`,
              );
              close();
            },
          },
        );
      }}
    >
      {referral ? (
        <>
          <div>
            <Text size="sm" fw={600}>
              Reason for referral
            </Text>
            <Text size="sm">{referral.reason}</Text>
          </div>
          <TwoWayChoice
            label="Suitable for this group?"
            value={suitable}
            onChange={setSuitable}
            options={[
              { value: 'yes', label: 'Yes, add to the waitlist' },
              { value: 'no', label: 'No, not suitable' },
            ]}
            error={attempted && !suitable ? 'Choose yes or no.' : undefined}
          />
          <Textarea
            label="Screening notes"
            required
            autosize
            minRows={3}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={error?.fieldMessage('notes') ?? (attempted && !notes.trim() ? 'Write what the screen found.' : undefined)}
          />
          {suitable === 'yes' ? (
            <NumberInput
              label="Priority"
              description="0 to 10. Higher numbers go further up the waitlist; most people are 0."
              min={0}
              max={10}
              value={priority}
              onChange={setPriority}
              w={{ base: '100%', xs: 240 }}
            />
          ) : null}
          <RecordNumberField context="intake" value={recordNumber} onChange={setRecordNumber} error={error?.fieldMessage('recordNumber')} />
          <OptionalContactFields value={contact} onChange={setContact} fields={contactFields} error={error} label="Contact details" />
        </>
      ) : null}
    </FormModal>
  );
}
