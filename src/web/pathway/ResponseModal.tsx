import { Button, Group, Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { MailSentNotice, SetPasswordLink } from '../admin/InviteLinkResult';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { OfferAnswer, Referral } from '../api/types';
import { ErrorRegion } from '../layout/feedback';
import { useReferralStep } from './api';

interface Props {
  groupId: string;
  referral: Referral | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Records the answer to an offer. Accepting enrols the person under a group name and, if new, gives a set-password link once. */
export function ResponseModal({ groupId, referral, onClose, onDone }: Props) {
  const { respond } = useReferralStep(groupId);
  const [answer, setAnswer] = useState<'accept' | 'decline' | ''>('');
  const [pseudonym, setPseudonym] = useState('');
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);

  function close() {
    if (respond.data) onDone(doneMessage(respond.data));
    respond.reset();
    setAnswer('');
    setPseudonym('');
    setReason('');
    setAttempted(false);
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!referral || !answer) return;
    if (answer === 'accept' && pseudonym.trim()) respond.mutate({ referralId: referral.id, accept: true, pseudonym: pseudonym.trim() });
    if (answer === 'decline' && reason.trim()) respond.mutate({ referralId: referral.id, accept: false, reason: reason.trim() });
  }

  const error = respond.error instanceof ApiError ? respond.error : null;
  const pseudonymError =
    (error?.code === 'pseudonym_taken' ? error.message : error?.fieldMessage('pseudonym')) ??
    (attempted && answer === 'accept' && !pseudonym.trim() ? 'Enter the name they chose for the group.' : undefined);
  const reasonError = error?.fieldMessage('reason') ?? (attempted && answer === 'decline' && !reason.trim() ? 'Give their reason.' : undefined);
  const general = error && (error.code === 'pseudonym_taken' || error.details.length) ? null : respond.error;

  return (
    <Modal opened={referral !== null} onClose={close} title={referral ? `${referral.personName}'s answer` : ''} size="lg">
      {referral && respond.data ? (
        <Answered result={respond.data} onDone={close} />
      ) : referral ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Radio.Group
              label="Did they accept the place?"
              required
              value={answer}
              onChange={(v) => setAnswer(v as 'accept' | 'decline')}
              error={attempted && !answer ? 'Choose their answer.' : undefined}
            >
              <Group gap="md" mt={6}>
                <Radio value="accept" label="Yes, they accepted" data-autofocus />
                <Radio value="decline" label="No, they declined" />
              </Group>
            </Radio.Group>
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
            <ErrorRegion error={general} title="We couldn't record the answer" />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={respond.isPending}>
                Record answer
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
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
