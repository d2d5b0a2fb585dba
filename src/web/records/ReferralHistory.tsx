import { Badge, Card, Group, Text, Title } from '@mantine/core';
import type { Referral } from '../api/types';
import { Fact, Facts } from '../layout/Facts';
import { formatDate } from '../layout/format';
import { referralStatusColor, referralStatusLabel } from '../pathway/api';

/** How the member came to the group: referral, intake, waitlist, offer and answer. */
export function ReferralHistory({ referral: r }: { referral: Referral | null }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="referral-heading">
      <Group gap="sm" mb="sm">
        <Title order={2} size="h3" id="referral-heading">
          Referral
        </Title>
        {r ? (
          <Badge color={referralStatusColor[r.status]} variant="light">
            {referralStatusLabel[r.status]}
          </Badge>
        ) : null}
      </Group>
      {!r ? (
        <Text size="sm">This membership was not made through a referral.</Text>
      ) : (
        <Facts>
          <Fact label="Referred">
            {formatDate(r.createdAt)} by {r.referredBy.displayName}
          </Fact>
          <Fact label="Reason">{r.reason}</Fact>
          <Fact label="Intake">
            {r.screenedAt
              ? `${formatDate(r.screenedAt)}: ${r.suitability === 'suitable' ? 'suitable' : 'not suitable'}${r.intakeNotes ? `. ${r.intakeNotes}` : ''}`
              : 'Not screened yet'}
          </Fact>
          {r.waitlistedAt ? <Fact label="Waitlisted">{`${formatDate(r.waitlistedAt)}${r.priority ? `, priority ${r.priority}` : ''}`}</Fact> : null}
          {r.offeredAt ? <Fact label="Place offered">{`${formatDate(r.offeredAt)}, open until ${formatDate(r.offerExpiresAt)}`}</Fact> : null}
          {r.respondedAt ? <Fact label="Answered">{formatDate(r.respondedAt)}</Fact> : null}
          {r.outcomeReason ? <Fact label="Note on the outcome">{r.outcomeReason}</Fact> : null}
        </Facts>
      )}
    </Card>
  );
}
