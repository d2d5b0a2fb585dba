import { Badge, Text } from '@mantine/core';
import type { Referral } from '../api/types';
import { QueryView } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { referralStatusColor, referralStatusLabel, useMyReferrals } from './api';
import classes from '../layout/layout.module.css';
import { ResponsiveTable, type Column } from '../layout/ResponsiveTable';

function stage(r: Referral): string {
  if (r.status === 'waitlisted' && r.waitlistPosition) return `Number ${r.waitlistPosition} on the waitlist`;
  if (r.status === 'offered' && r.offerExpiresAt) return `Offer open until ${formatDate(r.offerExpiresAt)}`;
  if (r.outcomeReason && (r.status === 'declined' || r.status === 'not_suitable')) return r.outcomeReason;
  return '';
}

function StatusBadge({ referral }: { referral: Referral }) {
  return (
    <Badge color={referralStatusColor[referral.status]} variant="light" style={{ flexShrink: 0 }}>
      {referralStatusLabel[referral.status]}
    </Badge>
  );
}

const columns: Column<Referral>[] = [
  {
    key: 'person',
    header: 'Person',
    cell: (r) => (
      <>
        <Text size="sm" fw={600}>
          {r.personName}
        </Text>
        <Text size="xs" c="dimmed" className={classes.wrap}>
          {r.personEmail}
        </Text>
      </>
    ),
    cardCell: (r) => r.personName,
    td: { className: classes.wrap },
    card: 'title',
  },
  { key: 'group', header: 'Group', cell: (r) => r.groupName, card: 'title' },
  {
    key: 'referred',
    header: 'Referred',
    cell: (r) => formatDate(r.createdAt),
    // On a card the date and where the referral stands share one line, as before.
    cardCell: (r) => (
      <Text span size="sm" c="dimmed">
        Referred {formatDate(r.createdAt)}
        {stage(r) ? ` · ${stage(r)}` : ''}
      </Text>
    ),
    card: 'detail',
  },
  {
    key: 'status',
    header: 'Status',
    cell: (r) => (
      <>
        <StatusBadge referral={r} />
        {stage(r) ? (
          <Text size="xs" c="dimmed" mt={2}>
            {stage(r)}
          </Text>
        ) : null}
      </>
    ),
    cardCell: (r) => <StatusBadge referral={r} />,
    card: 'aside',
  },
];

/** The referrals the clinician made, with where each one stands. */
export function MyReferrals() {
  const referrals = useMyReferrals();
  return (
    <QueryView query={referrals} loadingLabel="Loading your referrals…">
      {({ referrals: list }) =>
        list.length === 0 ? <Text>You have not referred anyone yet.</Text> : <ResponsiveTable rows={list} columns={columns} rowKey={(r) => r.id} label="Your referrals" />
      }
    </QueryView>
  );
}
