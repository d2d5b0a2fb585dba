import { NumberInput, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { Referral } from '../api/types';
import { FormModal } from '../layout/FormModal';
import { useReferralStep } from './api';
import type { ReferralStepProps } from './referral-step';

interface Props extends ReferralStepProps {
  /** Who is first on the waitlist, to explain an out-of-order offer. */
  head: Referral | undefined;
  openPlaces: number | undefined;
}

/** Offers a place. Offering to anyone but the first on the waitlist needs a recorded reason. */
export function OfferModal({ groupId, referral, head, openPlaces, onClose, onDone }: Props) {
  const { offer } = useReferralStep(groupId);
  const [days, setDays] = useState<number | string>(7);
  const [skipReason, setSkipReason] = useState('');

  const outOfOrder = referral && head && head.id !== referral.id;
  const error = offer.error instanceof ApiError ? offer.error : null;
  // The server explains an out-of-order offer in its message; show it at the field it concerns.
  const skipError = error?.fieldMessage('skipReason') ? error.message : undefined;
  return (
    <FormModal
      opened={referral !== null}
      onClose={onClose}
      title={referral ? `Offer a place to ${referral.personName}` : ''}
      submitLabel="Offer the place"
      mutation={offer}
      error={skipError ? null : offer.error}
      errorTitle="We couldn't offer the place"
      onReset={() => {
        setDays(7);
        setSkipReason('');
      }}
      onSubmit={(close) => {
        if (!referral) return;
        offer.mutate(
          { referralId: referral.id, expiresInDays: Number(days) || 7, skipReason: skipReason.trim() || undefined },
          {
            onSuccess: (r) => {
              onDone(`A place was offered to ${r.personName}. When they answer, record it under "Offers".`);
              close();
            },
          },
        );
      }}
    >
      {referral ? (
        <>
          <Text size="sm">
            {openPlaces === undefined ? '' : `${openPlaces} ${openPlaces === 1 ? 'place is' : 'places are'} free. `}
            Contact {referral.personName} with the offer, then record their answer here.
          </Text>
          <NumberInput label="Offer open for (days)" min={1} max={30} value={days} onChange={setDays} w={{ base: '100%', xs: 240 }} data-autofocus />
          {outOfOrder || skipError ? (
            <Textarea
              label="Reason for offering out of order"
              description={head ? `${head.personName} is first on the waitlist.` : undefined}
              autosize
              minRows={2}
              value={skipReason}
              onChange={(e) => setSkipReason(e.currentTarget.value)}
              error={skipError}
            />
          ) : null}
        </>
      ) : null}
    </FormModal>
  );
}
