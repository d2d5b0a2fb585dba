import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, usePageTitle } from '../layout/feedback';
import { formatDate, formatDateTime } from '../layout/format';
import { NotFoundPage } from '../layout/NotFoundPage';
import { useDigest } from './api';

/** /sessions/:sessionId/digest: what facilitators read before a session. */
export function DigestPage() {
  const { sessionId = '' } = useParams();
  const me = useMe();
  const digest = useDigest(sessionId);
  usePageTitle('Digest before the session', me.service.name);
  if (digest.isPending) return <PageLoader label="Building the digest…" />;
  if (digest.error instanceof ApiError && digest.error.status === 404) return <NotFoundPage />;
  if (digest.error || !digest.data) return <ErrorRegion error={digest.error} title="We couldn't load the digest" />;
  const d = digest.data;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/sessions/${d.session.id}`} size="sm">
          {d.group.name} · {d.session.topic ?? 'Session'}
        </Anchor>
        <Title order={1}>Digest before the session</Title>
        <Text c="dimmed">
          Session on {formatDateTime(d.session.startsAt)} · covers {formatDate(d.since)} onwards ·{' '}
          {d.stored ? `sent ${formatDateTime(d.builtAt)}` : 'preview: built just now, sent before the session'}
        </Text>
      </div>
      <Section
        title="Alerts"
        count={d.alerts.filter((a) => a.status !== 'resolved').length}
        empty="No alerts for this group in the period."
        footer={
          d.alerts.length ? (
            <Anchor component={Link} to="/alerts" size="sm">
              Open the alert queue
            </Anchor>
          ) : null
        }
      >
        {d.alerts.map((a) => (
          <List.Item key={a.id}>
            <Group gap="xs" wrap="wrap">
              {/* Contrast ≥ 4.5:1 for the words (axe): white on dark red; dark text on light orange and grey. */}
              <Badge color={a.tier === 'urgent' ? 'red.9' : 'orange'} c={a.tier === 'urgent' ? 'white' : 'dark.8'} variant={a.tier === 'urgent' ? 'filled' : 'light'}>
                {a.tier}
              </Badge>
              <Badge color="gray.7" c="dark.7" variant="outline">
                {a.status}
              </Badge>
              <Text size="sm">
                {a.member ? <strong>{a.member}: </strong> : null}
                {a.summary}
              </Text>
            </Group>
          </List.Item>
        ))}
      </Section>
      <Section title="Members at attendance risk" count={d.attendanceRisks.length} empty="Nobody has missed two sessions in a row.">
        {d.attendanceRisks.map((r) => (
          <List.Item key={r.enrolmentId}>
            <Anchor component={Link} to={`/records/${r.enrolmentId}`}>
              {r.member}
            </Anchor>{' '}
            missed the last {r.missedInRow} sessions
            {r.attendanceRate !== null ? ` (attended ${Math.round(r.attendanceRate * 100)} % overall)` : ''}
          </List.Item>
        ))}
      </Section>
      <Section title="Brought to group" count={d.taggedPosts.length} empty="No posts were tagged for this session.">
        {d.taggedPosts.map((p) => (
          <List.Item key={p.postId}>
            <Quote who={p.author} text={p.excerpt} />
            <Text size="xs" c="dimmed">
              Tagged by {p.taggedBy}
              {p.note ? ` — “${p.note}”` : ''}
            </Text>
          </List.Item>
        ))}
      </Section>
      <Section
        title="Held for review"
        count={d.heldItems.length}
        empty="Nothing is waiting for review."
        footer={
          d.heldItems.length ? (
            <Anchor component={Link} to="/moderation" size="sm">
              Review held posts
            </Anchor>
          ) : null
        }
      >
        {d.heldItems.map((h) => (
          <List.Item key={`${h.kind}:${h.id}`}>
            <Quote who={`${h.author} (${h.label})`} text={h.excerpt} />
          </List.Item>
        ))}
      </Section>
      <Section title="Celebrations" count={d.celebrations.length} empty="No celebrations shared since the last session.">
        {d.celebrations.map((c) => (
          <List.Item key={c.id}>
            <strong>{c.member}</strong>: {c.text}
          </List.Item>
        ))}
      </Section>
    </Stack>
  );
}

/** A digest section: its items as a list (list items only: links to act on them go in the footer, after the list). */
function Section({ title, count, empty, children, footer }: { title: string; count: number; empty: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge variant="light" color={count ? 'blue' : 'gray'} c="dark.7">
          {count}
        </Badge>
      </Group>
      {count === 0 && !hasItems(children) ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <List spacing="sm" size="sm">
          {children}
        </List>
      )}
      {footer ? <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>{footer}</div> : null}
    </Card>
  );
}

function hasItems(children: ReactNode): boolean {
  return Array.isArray(children) ? children.some((c) => (Array.isArray(c) ? c.length > 0 : !!c)) : !!children;
}

function Quote({ who, text }: { who: string; text: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      <strong>{who}</strong>: {text}
    </Text>
  );
}
