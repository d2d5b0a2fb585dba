import { Alert, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { OFFER_DECLINE_REASON_MAX, OFFER_PSEUDONYM_MAX } from '../../shared/schemas/pathway';
import { ApiError, api } from '../api/client';
import type { OfferLinkAnswered, OfferLinkInfo } from '../api/types';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { LinkProblem } from '../layout/LinkProblem';
import { fragmentParams, useInspectLinkToken } from '../layout/linkToken';
import { PublicCard, PublicLayout } from '../layout/PublicLayout';

type Proposed = 'accept' | 'decline';

/** Reads "#token=…&answer=…" from an offer e-mail's link: the fragment never reaches a server log. */
function readFragment(): { token: string | null; answer: Proposed } {
  const params = fragmentParams();
  return { token: params.get('token'), answer: params.get('answer') === 'decline' ? 'decline' : 'accept' };
}

/**
 * Landing page of the accept and decline links in an offer e-mail: shows the offer, asks to
 * confirm (and, to accept, the name the group will know the person by), then records the answer.
 * Works without signing in; an answered, expired or replaced offer gets a page saying so.
 */
export function OfferAnswerPage() {
  usePageTitle('Your offer of a place');
  const [{ token, answer }] = useState(readFragment);
  const [proposed, setProposed] = useState<Proposed>(answer);
  const inspect = useMutation({ mutationFn: (t: string) => api<OfferLinkInfo>('POST', '/offer-links/inspect', { token: t }) });

  useInspectLinkToken(token, inspect.mutate);

  let content: ReactNode;
  if (!token) {
    content = <LinkProblem title="This link is incomplete">Open the link exactly as it is in the e-mail about your offer.</LinkProblem>;
  } else if (inspect.error) {
    content = <LinkError error={inspect.error} />;
  } else if (!inspect.data) {
    content = <PageLoader label="Checking your link…" />;
  } else if (inspect.data.state !== 'open') {
    content = <Settled info={inspect.data} />;
  } else {
    content = <Confirm token={token} info={inspect.data} proposed={proposed} onSwitch={setProposed} />;
  }

  return (
    <PublicLayout serviceName={inspect.data?.serviceName}>
      <PublicCard>{content}</PublicCard>
    </PublicLayout>
  );
}

function LinkError({ error }: { error: Error }) {
  const code = error instanceof ApiError ? error.code : null;
  if (code === 'offer_link_invalid') return <LinkProblem title="This link does not work">{error.message}</LinkProblem>;
  if (code === 'offer_wrong_person') return <LinkProblem title="This offer is for someone else">{error.message}</LinkProblem>;
  if (code === 'offer_link_used') return <LinkProblem title="You have already answered">{error.message}</LinkProblem>;
  if (code === 'offer_expired') return <LinkProblem title="This offer has expired">{error.message}</LinkProblem>;
  return <ErrorRegion error={error} title="We couldn't check this link" />;
}

/** An offer that can no longer be answered: what happened, and that nothing changed now. */
function Settled({ info }: { info: OfferLinkInfo }) {
  const pages: Record<Exclude<OfferLinkInfo['state'], 'open'>, { title: string; text: string }> = {
    accepted: { title: 'You have already accepted this place', text: 'Your answer is recorded and nothing has changed. Sign in to see your group.' },
    declined: {
      title: 'You have already declined this place',
      text: 'Your answer is recorded and nothing has changed. If you have changed your mind, please contact the service.',
    },
    expired: { title: 'This offer has expired', text: `The offer was open until ${formatDateTime(info.expiresAt)}. Please contact the service if you would still like a place.` },
    closed: { title: 'This offer is no longer open', text: 'A newer e-mail about your offer may have replaced this one. Please use the newest link, or contact the service.' },
  };
  const page = pages[info.state as Exclude<OfferLinkInfo['state'], 'open'>];
  return (
    <Stack gap="md" data-testid="offer-settled">
      <Title order={1} size="h2">
        {page.title}
      </Title>
      <Text role="status">{page.text}</Text>
      <Button component={Link} to="/sign-in" variant="default">
        Go to sign in
      </Button>
    </Stack>
  );
}

function Confirm({ token, info, proposed, onSwitch }: { token: string; info: OfferLinkInfo; proposed: Proposed; onSwitch: (p: Proposed) => void }) {
  const [pseudonym, setPseudonym] = useState('');
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      api<OfferLinkAnswered>(
        'POST',
        '/offer-links/answer',
        proposed === 'accept' ? { token, accept: true, pseudonym: pseudonym.trim() } : { token, accept: false, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      ),
  });

  if (send.data) return <Answered result={send.data} />;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (proposed === 'accept' && !pseudonym.trim()) return;
    send.mutate();
  }

  const fieldError = send.error instanceof ApiError && (send.error.code === 'pseudonym_taken' || send.error.code === 'validation_failed') ? send.error.message : null;
  const when = info.firstSessionAt ? `The first session is on ${formatDateTime(info.firstSessionAt)}.` : 'The service will tell you when the first session is.';

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={1} size="h2">
          {proposed === 'accept' ? 'Accept your place' : 'Decline the place?'}
        </Title>
        <Text>
          Hello {info.personName}. {info.serviceName} has offered you a place in <strong>{info.groupName}</strong>. {when}
        </Text>
        <Text size="sm" c="dimmed">
          The offer is open until {formatDateTime(info.expiresAt)}.
        </Text>
        {send.error && !fieldError ? <LinkError error={send.error} /> : null}
        {proposed === 'accept' ? (
          <TextInput
            label="The name the group will know you by"
            description="A first name or a nickname: it need not be your real name. Other members see only this."
            required
            maxLength={OFFER_PSEUDONYM_MAX}
            value={pseudonym}
            onChange={(e) => setPseudonym(e.currentTarget.value)}
            error={fieldError ?? (attempted && !pseudonym.trim() ? 'Choose a name for the group.' : undefined)}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- a single-task page (sign-in step, set password, answer an offer): its first field is where everyone starts, and nothing else on the page is skipped
            autoFocus
          />
        ) : (
          <Textarea
            label="Would you like to tell us why? (optional)"
            description="This helps the service plan; you don't have to say."
            maxLength={OFFER_DECLINE_REASON_MAX}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError}
          />
        )}
        <Group gap="sm">
          <Button type="submit" loading={send.isPending} color={proposed === 'accept' ? undefined : 'red'}>
            {proposed === 'accept' ? 'Accept the place' : 'Decline the place'}
          </Button>
          <Button variant="default" onClick={() => onSwitch(proposed === 'accept' ? 'decline' : 'accept')} disabled={send.isPending}>
            {proposed === 'accept' ? "I'd rather decline" : "I'd like to accept instead"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Answered({ result }: { result: OfferLinkAnswered }) {
  if (result.answer === 'declined') {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          Thank you for letting us know
        </Title>
        <Text role="status">You have declined the place. If you change your mind or would like other support, please contact the service.</Text>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Your place is confirmed
      </Title>
      <Text role="status">Thank you: you have accepted the place. The group will be waiting for you in Hearth.</Text>
      {result.inviteUrl ? (
        <>
          <Text>Next, choose a password for your account.{result.mail === 'queued' ? ' We have also e-mailed you this link.' : ''} The link works once.</Text>
          <Button component="a" href={result.inviteUrl}>
            Choose your password
          </Button>
        </>
      ) : (
        <Button component={Link} to="/sign-in">
          Sign in to see your group
        </Button>
      )}
      <Alert color="blue" variant="light" title="What happens next">
        <Text size="sm">When you first sign in you will be asked to read and accept the group agreement.</Text>
      </Alert>
    </Stack>
  );
}
