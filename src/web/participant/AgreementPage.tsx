import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, SuccessRegion, usePageTitle } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { NotFoundPage } from '../layout/NotFoundPage';
import { useAcceptAgreement, useAgreement, useMyEnrolments } from './api';

/** The group agreement in full, accepted with a checkbox; a newer version is shown again if it changed meanwhile. */
export function AgreementPage() {
  const { enrolmentId = '' } = useParams();
  const me = useMe();
  usePageTitle('Group agreement', me.service.name);
  const state = useAgreement(enrolmentId);
  const enrolments = useMyEnrolments();
  const accept = useAcceptAgreement(enrolmentId);
  const [agreed, setAgreed] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [changed, setChanged] = useState(false);

  if (state.isPending) return <PageLoader label="Loading the agreement…" />;
  if (state.error instanceof ApiError && state.error.status === 404) return <NotFoundPage />;
  if (state.error || !state.data) return <ErrorRegion error={state.error} title="We couldn't load the agreement" />;
  const { agreement, acceptedVersion, acceptedAt } = state.data;
  const enrolment = enrolments.data?.enrolments.find((e) => e.id === enrolmentId);
  const groupLink = enrolment ? (
    <Anchor component={Link} to={`/groups/${enrolment.groupId}`}>
      Go to {enrolment.groupName}
    </Anchor>
  ) : null;

  if (!agreement) {
    return (
      <Stack gap="md">
        <Title order={1}>Group agreement</Title>
        <Text>There is no group agreement to accept yet. Your facilitators will let you know.</Text>
      </Stack>
    );
  }

  const current = acceptedVersion === agreement.version;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!agreed || !agreement) return;
    accept.mutate(agreement.version, {
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'agreement_outdated') {
          setChanged(true);
          setAgreed(false);
          setAttempted(false);
          accept.reset();
          void state.refetch();
        }
      },
    });
  }

  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1}>Your group agreement</Title>
        <Text c="dimmed">
          {enrolment ? `${enrolment.groupName} · ` : ''}version {agreement.version}
        </Text>
      </div>
      {changed ? (
        <Alert color="yellow" variant="light" title="The agreement has just been updated" role="alert">
          <Text size="sm">It changed while you were reading. The new version is below: please read it before you accept.</Text>
        </Alert>
      ) : null}
      {current ? (
        <Text>You accepted this agreement on {formatDate(acceptedAt)}.</Text>
      ) : (
        <Text>Please read it through. It explains how we look after each other in the group, and what is monitored and by whom.</Text>
      )}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" bg="white" component="article" aria-label="Agreement text">
        <Stack gap="sm">
          {agreement.body
            .split('\n')
            .filter((line) => line.trim())
            .map((line, index) => (
              <Text key={index} fw={index === 0 ? 700 : undefined}>
                {line}
              </Text>
            ))}
        </Stack>
      </Paper>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" bg="white" component="section" aria-labelledby="agreement-safety-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="agreement-safety-heading">
            Safety between sessions
          </Title>
          {agreement.safetyStatement.map((paragraph, index) => (
            <Text key={index}>{paragraph}</Text>
          ))}
        </Stack>
      </Paper>
      {accept.isSuccess ? (
        <Stack gap="sm">
          <SuccessRegion message="Thank you. You have accepted the group agreement. Welcome to the group!" />
          {enrolment ? (
            <Group>
              <Button component={Link} to={`/groups/${enrolment.groupId}`}>
                Go to {enrolment.groupName}
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : !current ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Checkbox
              label="I have read and agree"
              checked={agreed}
              onChange={(e) => setAgreed(e.currentTarget.checked)}
              error={attempted && !agreed ? 'Tick the box to show you agree.' : undefined}
            />
            <ErrorRegion error={accept.error} title="We couldn't save your answer" />
            <Group>
              <Button type="submit" loading={accept.isPending}>
                Accept the agreement
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group>{groupLink}</Group>
      )}
    </Stack>
  );
}
