import { Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { useGroup } from '../groups/api';
import { ErrorRegion, PageLoader, SuccessRegion, usePageTitle } from '../layout/feedback';
import { NotFoundPage } from '../layout/NotFoundPage';
import { useStrategies, type Strategy } from './api';
import { CurateModal } from './CurateModal';
import { ShareStrategyForm } from './ShareStrategyForm';
import { StrategyCard } from './StrategyCard';

/** A group's coping strategies exchange: share what helps, try what others shared, mark how it went. */
export function StrategiesPage() {
  const { groupId = '' } = useParams();
  const me = useMe();
  const group = useGroup(groupId);
  const [q, setQ] = useState('');
  const strategies = useStrategies(groupId, q.trim());
  const [sharing, setSharing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [curating, setCurating] = useState<Strategy | null>(null);
  usePageTitle('Coping strategies', me.service.name);
  const participant = me.user.role === 'participant';

  if (group.error instanceof ApiError && group.error.status === 404) return <NotFoundPage />;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Coping strategies</Title>
        <Text c="dimmed">{group.data ? `${group.data.name} · ` : ''}What helps people in the group. Try what fits you, and say how it went.</Text>
      </div>
      <Group gap="sm">
        {participant && !sharing ? (
          <Button
            onClick={() => {
              setSharing(true);
              setMessage(null);
            }}
          >
            Share a strategy
          </Button>
        ) : null}
        <Anchor component={Link} to="/library">
          Browse the programme library
        </Anchor>
      </Group>
      <SuccessRegion message={message} />
      {sharing ? (
        <ShareStrategyForm
          groupId={groupId}
          onDone={(shared) => {
            setSharing(false);
            if (shared)
              setMessage(shared.status === 'held' ? 'Thank you. A facilitator will look at it before the group sees it.' : 'Thank you for sharing. Your group can see it now.');
          }}
        />
      ) : null}
      <TextInput
        label="Search the group's strategies"
        placeholder="breathing, sleep, meetings…"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        type="search"
        maxLength={100}
      />
      {strategies.isPending ? (
        <PageLoader label="Loading strategies…" />
      ) : strategies.error || !strategies.data ? (
        <ErrorRegion error={strategies.error} title="We couldn't load the strategies" />
      ) : strategies.data.strategies.length === 0 ? (
        <Text>{q ? 'Nothing matches that search yet.' : 'No strategies yet. What helps you might help someone else: you could be the first to share.'}</Text>
      ) : (
        <Stack gap="md" component="section" aria-label="Strategies">
          {strategies.data.strategies.map((s) => (
            <StrategyCard key={s.id} strategy={s} groupId={groupId} canMark={participant} onCurate={participant ? undefined : setCurating} />
          ))}
        </Stack>
      )}
      <CurateModal strategy={curating} groupId={groupId} onClose={() => setCurating(null)} />
    </Stack>
  );
}
