import { Badge, Button, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { GroupDetail, Referral } from '../api/types';
import { QueryView, SuccessRegion } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { referralStatusColor, referralStatusLabel, useGroupReferrals } from './api';
import { IntakeModal } from './IntakeModal';
import { OfferModal } from './OfferModal';
import { ResponseModal } from './ResponseModal';
import classes from '../layout/layout.module.css';

type Step = { kind: 'intake' | 'offer' | 'response'; referral: Referral } | null;

/** The way in: referrals awaiting intake, the ordered waitlist, open offers, and closed referrals. */
export function WaitlistPanel({ group }: { group: GroupDetail }) {
  const referrals = useGroupReferrals(group.id);
  const [step, setStep] = useState<Step>(null);
  const [done, setDone] = useState<string | null>(null);
  const close = () => setStep(null);
  const open = (kind: NonNullable<Step>['kind'], referral: Referral) => {
    setDone(null);
    setStep({ kind, referral });
  };

  return (
    <Stack gap="lg">
      <SuccessRegion message={done} />
      {group.waitlist ? (
        <Text>
          <strong>{group.waitlist.openPlaces}</strong> {group.waitlist.openPlaces === 1 ? 'place' : 'places'} free of {group.capacity ?? '—'} · {group.waitlist.waiting} waiting ·{' '}
          {group.waitlist.offered} open {group.waitlist.offered === 1 ? 'offer' : 'offers'}
        </Text>
      ) : null}
      <QueryView query={referrals} loadingLabel="Loading referrals…">
        {({ referrals: list }) => {
          const referred = list.filter((r) => r.status === 'referred');
          const waitlist = list.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.waitlistPosition ?? 999) - (b.waitlistPosition ?? 999));
          const expired = list.filter((r) => r.status === 'expired');
          const offered = list.filter((r) => r.status === 'offered');
          const closed = list.filter((r) => ['enrolled', 'declined', 'not_suitable', 'withdrawn'].includes(r.status));
          return (
            <>
              <Section title="Awaiting intake" id="intake-heading" empty="No new referrals.">
                {referred.map((r) => (
                  <ReferralCard
                    key={r.id}
                    referral={r}
                    action={
                      <Button size="xs" onClick={() => open('intake', r)} aria-label={`Intake for ${r.personName}`}>
                        Intake
                      </Button>
                    }
                  />
                ))}
              </Section>
              <Section title="Waitlist" id="waitlist-heading" empty="Nobody is waiting." ordered>
                {[...waitlist, ...expired].map((r) => (
                  <ReferralCard
                    key={r.id}
                    referral={r}
                    action={
                      <Button size="xs" onClick={() => open('offer', r)} aria-label={`Offer a place to ${r.personName}`}>
                        Offer a place
                      </Button>
                    }
                  />
                ))}
              </Section>
              <Section title="Offers" id="offers-heading" empty="No open offers.">
                {offered.map((r) => (
                  <ReferralCard
                    key={r.id}
                    referral={r}
                    action={
                      <Button size="xs" onClick={() => open('response', r)}>
                        Record answer
                        <VisuallyHidden> from {r.personName}</VisuallyHidden>
                      </Button>
                    }
                  />
                ))}
              </Section>
              {closed.length > 0 ? (
                <details className={classes.moreFilters}>
                  <summary>Earlier referrals ({closed.length})</summary>
                  <Stack gap="sm" mt="sm" component="ul" className={classes.plainList}>
                    {closed.map((r) => (
                      <ReferralCard key={r.id} referral={r} />
                    ))}
                  </Stack>
                </details>
              ) : null}
              <IntakeModal groupId={group.id} referral={step?.kind === 'intake' ? step.referral : null} onClose={close} onDone={setDone} />
              <OfferModal
                groupId={group.id}
                referral={step?.kind === 'offer' ? step.referral : null}
                head={waitlist[0]}
                openPlaces={group.waitlist?.openPlaces}
                onClose={close}
                onDone={setDone}
              />
              <ResponseModal groupId={group.id} referral={step?.kind === 'response' ? step.referral : null} onClose={close} onDone={setDone} />
            </>
          );
        }}
      </QueryView>
    </Stack>
  );
}

function Section({ title, id, empty, ordered, children }: { title: string; id: string; empty: string; ordered?: boolean; children: ReactNode[] }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <Stack gap="sm" component={ordered ? 'ol' : 'ul'} className={classes.plainList}>
          {children}
        </Stack>
      )}
    </section>
  );
}

function detailLine(r: Referral): string {
  switch (r.status) {
    case 'referred':
      return `Referred by ${r.referredBy.displayName} on ${formatDate(r.createdAt)}`;
    case 'waitlisted':
      return `Waiting since ${formatDate(r.waitlistedAt)}${r.priority ? ` · priority ${r.priority}` : ''}`;
    case 'offered':
      return `Offered ${formatDate(r.offeredAt)} · open until ${formatDate(r.offerExpiresAt)}`;
    case 'expired':
      return `The offer of ${formatDate(r.offeredAt)} expired ${formatDate(r.offerExpiresAt)}: offer again if a place is free`;
    case 'enrolled':
      return `Enrolled ${formatDate(r.respondedAt)}`;
    case 'declined':
    case 'not_suitable':
    case 'withdrawn':
      return r.outcomeReason ?? r.intakeNotes ?? '';
  }
}

function ReferralCard({ referral: r, action }: { referral: Referral; action?: ReactNode }) {
  return (
    <Card withBorder padding="sm" component="li">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 260px' }}>
          {r.status === 'waitlisted' && r.waitlistPosition ? (
            <Badge size="lg" variant="outline" circle aria-hidden="true" style={{ flexShrink: 0 }}>
              {r.waitlistPosition}
            </Badge>
          ) : null}
          <div style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600}>
                {r.status === 'waitlisted' && r.waitlistPosition ? <VisuallyHidden>Number {r.waitlistPosition}: </VisuallyHidden> : null}
                {r.personName}
              </Text>
              <Badge color={referralStatusColor[r.status]} variant="light">
                {referralStatusLabel[r.status]}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" className={classes.wrap}>
              {r.personEmail}
            </Text>
            <Text size="sm" mt={4}>
              {r.reason}
            </Text>
            {r.intakeNotes && r.status !== 'not_suitable' ? (
              <Text size="sm" c="dimmed" mt={2}>
                Intake: {r.intakeNotes}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" mt={2}>
              {detailLine(r)}
            </Text>
          </div>
        </Group>
        {action}
      </Group>
    </Card>
  );
}
