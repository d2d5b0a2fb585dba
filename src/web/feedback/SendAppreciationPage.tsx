import { Anchor, Button, Card, Checkbox, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { ErrorRegion, QueryView, SuccessRegion, usePageTitle } from '../layout/feedback';
import { FEEDBACK_BODY_MAX } from '../../shared/schemas/feedback';
import { sentMessage, usePeers, useSendAppreciation } from './api';
import { usePreviewedSend } from '../space/usePreviewedSend';

/** Send an appreciation to one or more people in the group, optionally about a session. */
export function SendAppreciationPage() {
  const { groupId = '' } = useParams();
  const me = useMe();
  usePageTitle('Send an appreciation', me.service.name);
  const peers = usePeers(groupId);
  const send = useSendAppreciation(groupId);
  const preview = usePreviewedSend(groupId, 'appreciation');
  const [to, setTo] = useState<string[]>([]);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const problem = send.error instanceof ApiError ? send.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void preview.check(body, () =>
      send.mutate(
        { recipientEnrolmentIds: to, body, ...(sessionId ? { sessionId } : {}) },
        {
          onSuccess: (created) => {
            setDone(sentMessage(created, 'appreciation'));
            setTo([]);
            setBody('');
            setSessionId(null);
          },
        },
      ),
    );
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Send an appreciation</Title>
        <Text c="dimmed">Tell someone what you valued in what they shared. Only they (and the facilitators) will see it.</Text>
      </div>
      <SuccessRegion message={done} />
      <QueryView query={peers} loadingLabel="Loading your group…">
        {(data) =>
          data.peers.length === 0 ? (
            <Text>There is nobody else in this group yet.</Text>
          ) : (
            <Card withBorder padding="lg">
              <form onSubmit={submit} noValidate>
                <Stack gap="md">
                  <Checkbox.Group label="Who is it for?" value={to} onChange={setTo} error={problem?.fieldMessage('recipientEnrolmentIds')}>
                    <Stack gap="xs" mt="xs">
                      {data.peers.map((p) => (
                        <Checkbox key={p.enrolmentId} value={p.enrolmentId} label={p.pseudonym} />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                  <Select
                    label="About a session (optional)"
                    placeholder="Not about a particular session"
                    data={data.sessions.map((s) => ({ value: s.id, label: s.label }))}
                    value={sessionId}
                    onChange={setSessionId}
                    clearable
                  />
                  <Textarea
                    label="What I valued in what you shared…"
                    value={body}
                    onChange={(e) => setBody(e.currentTarget.value)}
                    autosize
                    minRows={3}
                    maxLength={FEEDBACK_BODY_MAX}
                    required
                    error={problem?.fieldMessage('body')}
                  />
                  <ErrorRegion error={preview.problem} title="Please change this before sending" />
                  {preview.notice}
                  <ErrorRegion error={send.error} title="Your appreciation was not sent" />
                  <Group justify="space-between">
                    <Anchor component={Link} to="/appreciations" size="sm">
                      My appreciations
                    </Anchor>
                    <Button type="submit" loading={send.isPending || preview.checking} disabled={to.length === 0}>
                      Send
                    </Button>
                  </Group>
                </Stack>
              </form>
            </Card>
          )
        }
      </QueryView>
    </Stack>
  );
}
