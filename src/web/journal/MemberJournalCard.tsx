import { Card, Stack, Text, Title } from '@mantine/core';
import { QueryView } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { useMemberJournal } from './api';

/** On a member's record: only the journal entries they shared with their clinicians (each read is audited). */
export function MemberJournalCard({ enrolmentId }: { enrolmentId: string }) {
  const journal = useMemberJournal(enrolmentId);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="member-journal-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="member-journal-heading">
          Journal entries shared with you
        </Title>
        <QueryView query={journal}>
          {(data) =>
            data.entries.length === 0 ? (
              <Text size="sm">None. A member’s journal is private unless they share an entry.</Text>
            ) : (
              <Stack gap="sm">
                {data.entries.map((e) => (
                  <Card key={e.id} withBorder padding="sm" component="article" aria-label={`Entry of ${formatDateTime(e.createdAt)}`}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(e.createdAt)}
                    </Text>
                    {e.prompt ? (
                      <Text size="sm" fs="italic" style={{ overflowWrap: 'anywhere' }}>
                        {e.prompt}
                      </Text>
                    ) : null}
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {e.body}
                    </Text>
                  </Card>
                ))}
              </Stack>
            )
          }
        </QueryView>
      </Stack>
    </Card>
  );
}
