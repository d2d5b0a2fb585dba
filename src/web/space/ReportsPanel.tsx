import { Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryView } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { spaceApi, spaceKeys } from './api';

/** For facilitators: what members reported, with who reported it (never shown to members). */
export function ReportsPanel({ groupId }: { groupId: string }) {
  const reports = useQuery({ queryKey: spaceKeys.reports(groupId), queryFn: () => spaceApi.reports(groupId) });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="space-reports-heading">
      <Title order={2} size="h4" id="space-reports-heading" mb="sm">
        Reports
      </Title>
      <QueryView query={reports} loadingLabel="Loading reports…">
        {({ reports: list }) =>
          list.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing has been reported.
            </Text>
          ) : (
            <Stack gap="sm">
              {list.map((r) => (
                <div key={r.id}>
                  <Badge color={r.kind === 'worried' ? 'orange' : 'grape'} variant="light">
                    {r.kind === 'worried' ? 'Worried about this person' : 'Breaks the agreement'}
                  </Badge>
                  <Text size="sm" mt={4}>
                    {r.reporterLabel} reported {r.post.author.label}’s message on {formatDateTime(r.createdAt)}:
                  </Text>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    “{r.post.body}”
                  </Text>
                  {r.note ? <Text size="sm">Note: {r.note}</Text> : null}
                </div>
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Card>
  );
}
