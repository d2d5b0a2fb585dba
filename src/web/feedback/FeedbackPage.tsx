import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMe } from '../auth/session';
import { ErrorRegion, QueryView, SuccessRegion, usePageTitle } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { FEEDBACK_BODY_MAX } from '../../shared/schemas/feedback';
import { sentMessage, useAskForFeedback, useFeedbackRequests, useReplyToRequest, type FeedbackRequest } from './api';
import { usePreviewedSend } from '../space/usePreviewedSend';

/** What an ask begins with; the member writes the rest, and the whole is one feedback body. */
const ASK_PREFIX = "I'd welcome feedback on ";

/** Feedback requests of a group: ask ("I'd welcome feedback on…"), and give feedback to others. */
export function FeedbackPage() {
  const { groupId = '' } = useParams();
  const me = useMe();
  usePageTitle('Feedback', me.service.name);
  const requests = useFeedbackRequests(groupId);
  const ask = useAskForFeedback(groupId);
  const askPreview = usePreviewedSend(groupId, 'feedback_request');
  const [body, setBody] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const participant = me.user.role === 'participant';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const text = `${ASK_PREFIX}${body.trim()}`;
    void askPreview.check(text, () =>
      ask.mutate(text, {
        onSuccess: (created) => {
          setDone(sentMessage(created, 'request'));
          setBody('');
        },
      }),
    );
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Feedback</Title>
        <Text c="dimmed">Ask the group for feedback, and offer yours kindly and honestly.</Text>
      </div>
      <SuccessRegion message={done} />
      {participant ? (
        <Card withBorder padding="lg">
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Textarea
                label="I'd welcome feedback on…"
                description="For example: how I come across when I disagree"
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={FEEDBACK_BODY_MAX - ASK_PREFIX.length}
                required
              />
              <ErrorRegion error={askPreview.problem} title="Please change this before posting" />
              {askPreview.notice}
              <ErrorRegion error={ask.error} title="Your request was not posted" />
              <Group justify="flex-end">
                <Button type="submit" loading={ask.isPending || askPreview.checking} disabled={!body.trim()}>
                  Ask the group
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      ) : null}
      <QueryView query={requests} loadingLabel="Loading feedback requests…">
        {({ requests: list }) =>
          list.length === 0 ? (
            <Text>No feedback requests yet.</Text>
          ) : (
            <Stack gap="md">
              {list.map((r) => (
                <RequestCard key={r.id} request={r} groupId={groupId} canReply={participant} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}

function StatusBadge({ status }: { status: FeedbackRequest['status'] }) {
  if (status === 'held')
    return (
      <Badge color="yellow" variant="light">
        Waiting for a facilitator
      </Badge>
    );
  if (status === 'rejected')
    return (
      <Badge color="gray" variant="light">
        Not shared
      </Badge>
    );
  return null;
}

function RequestCard({ request, groupId, canReply }: { request: FeedbackRequest; groupId: string; canReply: boolean }) {
  const reply = useReplyToRequest(groupId);
  const preview = usePreviewedSend(groupId, 'feedback_request');
  const [text, setText] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const fieldId = `reply-${request.id}`;
  return (
    <Card withBorder padding="lg" component="article" aria-label={`Request from ${request.mine ? 'you' : request.authorPseudonym}`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={600} size="sm">
            {request.mine ? 'You asked' : `${request.authorPseudonym} asked`} · {formatDate(request.createdAt)}
          </Text>
          <StatusBadge status={request.status} />
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{request.body}</Text>
        {request.replies.length > 0 ? (
          <Stack gap="xs" pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
            {request.replies.map((x) => (
              <div key={x.id}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {x.mine ? 'You' : x.authorPseudonym}
                  </Text>
                  <StatusBadge status={x.status} />
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {x.body}
                </Text>
              </div>
            ))}
          </Stack>
        ) : null}
        <SuccessRegion message={done} />
        {canReply && request.status === 'published' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void preview.check(text, () =>
                reply.mutate(
                  { requestId: request.id, body: text },
                  {
                    onSuccess: (c) => {
                      setDone(sentMessage(c, 'feedback'));
                      setText('');
                    },
                  },
                ),
              );
            }}
            noValidate
          >
            <Stack gap="xs">
              <Textarea
                id={fieldId}
                label={request.mine ? 'Add a note' : 'Your feedback'}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={FEEDBACK_BODY_MAX}
              />
              <ErrorRegion error={preview.problem} title="Please change this before sending" />
              {preview.notice}
              <ErrorRegion error={reply.error} title="Your feedback was not sent" />
              <Group justify="flex-end">
                <Button type="submit" size="sm" variant="light" loading={reply.isPending || preview.checking} disabled={!text.trim()}>
                  Send
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
