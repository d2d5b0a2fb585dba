import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { MailSentNotice, SetPasswordLink } from '../admin/InviteLinkResult';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { OfferAnswer } from '../api/types';
import { FormModal } from '../layout/FormModal';
import { useReferralStep } from './api';
import type { ReferralStepProps } from './referral-step';
import { TwoWayChoice } from './TwoWayChoice';

/** Records the answer to an offer. Accepting enrols the person under a group name and, if new, gives a set-password link once. */
export function ResponseModal({ groupId, referral, onClose, onDone }: ReferralStepProps) {
  const { respond } = useReferralStep(groupId);
  const [answer, setAnswer] = useState<'accept' | 'decline' | ''>('');
  const [pseudonym, setPseudonym] = useState('');
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);

  /** However it closes: once answered, the page says what happened. */
  function finish() {
    if (respond.data) onDone(doneMessage(respond.data));
    onClose();
  }

  const error = respond.error instanceof ApiError ? respond.error : null;
  const pseudonymError =
    (error?.code === 'pseudonym_taken' ? error.message : error?.fieldMessage('pseudonym')) ??
    (attempted && answer === 'accept' && !pseudonym.trim() ? 'Enter the name they chose for the group.' : undefined);
  const reasonError = error?.fieldMessage('reason') ?? (attempted && answer === 'decline' && !reason.trim() ? 'Give their reason.' : undefined);
  const general = error && (error.code === 'pseudonym_taken' || error.details.length) ? null : respond.error;

  return (
    <FormModal
      opened={referral !== null}
      onClose={finish}
      title={referral ? `${referral.personName}'s answer` : ''}
      submitLabel="Record answer"
      mutation={respond}
      error={general}
      errorTitle="We couldn't record the answer"
      onReset={() => {
        setAnswer('');
        setPseudonym('');
        setReason('');
        setAttempted(false);
      }}
      onSubmit={() => {
        setAttempted(true);
        if (!referral || !answer) return;
        if (answer === 'accept' && pseudonym.trim()) respond.mutate({ referralId: referral.id, accept: true, pseudonym: pseudonym.trim() });
        if (answer === 'decline' && reason.trim()) respond.mutate({ referralId: referral.id, accept: false, reason: reason.trim() });
      }}
      result={
        referral && respond.data ? (
          <Answered
            result={respond.data}
            onDone={() => {
              respond.reset();
              finish();
            }}
          />
        ) : undefined
      }
    >
      {referral ? (
        <>
          <TwoWayChoice
            label="Did they accept the place?"
            value={answer}
            onChange={setAnswer}
            options={[
              { value: 'accept', label: 'Yes, they accepted' },
              { value: 'decline', label: 'No, they declined' },
            ]}
            error={attempted && !answer ? 'Choose their answer.' : undefined}
          />
          {answer === 'accept' ? (
            <TextInput
              label="Name in the group"
              description="The name they chose to use inside the group (2 to 24 letters). Other members see only this name."
              required
              autoComplete="off"
              value={pseudonym}
              onChange={(e) => setPseudonym(e.currentTarget.value)}
              error={pseudonymError}
            />
          ) : null}
          {answer === 'decline' ? (
            <Textarea label="Their reason" required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonError} />
          ) : null}
        </>
      ) : null}
    </FormModal>
  );
}

function doneMessage(result: OfferAnswer): string {
  return result.enrolmentId ? `${result.referral.personName} is enrolled and invited to the group.` : `${result.referral.personName} declined the place.`;
}

/** After the answer: the enrolment, and a set-password link for a new account, shown only now. */
function Answered({ result, onDone }: { result: OfferAnswer; onDone: () => void }) {
  if (!result.enrolmentId) {
    return (
      <Stack gap="md">
        <Text role="status">The offer is closed as declined. The place is free for the next person on the waitlist.</Text>
        <Group justify="flex-end">
          <Button onClick={onDone}>Done</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text role="status">
        <strong>{result.referral.personName}</strong> is enrolled. Once they accept the group agreement, they become an active member.
      </Text>
      {result.inviteUrl ? (
        <>
          {result.mail ? <MailSentNotice mail={result.mail} email={result.referral.personEmail} /> : null}
          <SetPasswordLink url={result.inviteUrl} personName={result.referral.personName} onDone={onDone} mail={result.mail ?? undefined} />
        </>
      ) : (
        <>
          <Text size="sm">They already have a Hearth account: the group will be waiting for them when they next sign in.</Text>
          <Group justify="flex-end">
            <Button onClick={onDone}>Done</Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
