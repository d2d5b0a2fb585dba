import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { Referral } from '../api/types';
import { QueryView } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { referralStatusColor, referralStatusLabel, useMyReferrals } from './api';
import classes from '../layout/layout.module.css';

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

/** The referrals the clinician made, with where each one stands. */
export function MyReferrals() {
  const referrals = useMyReferrals();
  return (
    <QueryView query={referrals} loadingLabel="Loading your referrals…">
      {({ referrals: list }) =>
        list.length === 0 ? (
          <Text>You have not referred anyone yet.</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={0} visibleFrom="md">
              <Table striped verticalSpacing="sm" bg="white">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Person</Table.Th>
                    <Table.Th scope="col">Group</Table.Th>
                    <Table.Th scope="col">Referred</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td className={classes.wrap}>
                        <Text size="sm" fw={600}>
                          {r.personName}
                        </Text>
                        <Text size="xs" c="dimmed" className={classes.wrap}>
                          {r.personEmail}
                        </Text>
                      </Table.Td>
                      <Table.Td>{r.groupName}</Table.Td>
                      <Table.Td>{formatDate(r.createdAt)}</Table.Td>
                      <Table.Td>
                        <StatusBadge referral={r} />
                        {stage(r) ? (
                          <Text size="xs" c="dimmed" mt={2}>
                            {stage(r)}
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack gap="sm" hiddenFrom="md" component="ul" className={classes.plainList} aria-label="Your referrals">
              {list.map((r) => (
                <Card key={r.id} withBorder padding="sm" component="li">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600}>{r.personName}</Text>
                      <Text size="sm">{r.groupName}</Text>
                    </div>
                    <StatusBadge referral={r} />
                  </Group>
                  <Text size="sm" c="dimmed" mt={4}>
                    Referred {formatDate(r.createdAt)}
                    {stage(r) ? ` · ${stage(r)}` : ''}
                  </Text>
                </Card>
              ))}
            </Stack>
          </>
        )
      }
    </QueryView>
  );
}
