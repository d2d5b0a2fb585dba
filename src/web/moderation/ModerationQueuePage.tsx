import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { MODERATION_EDIT_MAX, MODERATION_REASON_MAX } from '../../shared/schemas/moderation';
import { useMe } from '../auth/session';
import { ErrorRegion, PageLoader, SuccessRegion, usePageTitle } from '../layout/feedback';
import { FormModal } from '../layout/FormModal';
import { formatDateTime } from '../layout/format';
import { useDecideItem, useModerationQueue, type QueueItem } from './api';

const riskColor = { urgent: 'red', concern: 'orange', none: 'gray' } as const;

function ItemCard({ item, onApprove, onEdit, onReject, approving }: { item: QueueItem; onApprove?: () => void; onEdit?: () => void; onReject?: () => void; approving?: boolean }) {
  const headingId = `item-${item.id}`;
  const who = item.author.pseudonym ? `${item.author.pseudonym} (${item.author.displayName})` : item.author.displayName;
  const reasons = item.log.filter((l) => !l.byFacilitator).map((l) => l.reason);
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light">{item.kindLabel}</Badge>
          {item.riskTier !== 'none' ? (
            <Badge color={riskColor[item.riskTier]} variant={item.riskTier === 'urgent' ? 'filled' : 'light'}>
              {item.riskTier === 'urgent' ? 'Urgent risk language' : 'Possible risk language'}
            </Badge>
          ) : null}
        </Group>
        <Title order={3} size="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          {who} · {item.groupName}
        </Title>
        <Text size="xs" c="dimmed">
          {formatDateTime(item.createdAt)}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.text}</Text>
        {reasons.length ? (
          <Text size="sm" c="dimmed">
            {reasons.join(' ')}
          </Text>
        ) : null}
        {onApprove && onReject ? (
          <Group gap="sm" mt={4}>
            <Button size="sm" onClick={onApprove} loading={approving} aria-label={`Release the ${item.kindLabel} by ${who} to the group`}>
              Release
            </Button>
            {item.editable && onEdit ? (
              <Button size="sm" variant="default" onClick={onEdit} aria-label={`Edit and release the ${item.kindLabel} by ${who}`}>
                Edit and release…
              </Button>
            ) : null}
            <Button size="sm" variant="default" onClick={onReject} aria-label={`Withdraw the ${item.kindLabel} by ${who}`}>
              Withdraw…
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** For facilitators: held items of every kind in their groups, first in first read; approve, or reject with a reason the author is told. */
export function ModerationQueuePage() {
  const me = useMe();
  usePageTitle('Moderation', me.service.name);
  const queue = useModerationQueue();
  const decide = useDecideItem();
  const [rejecting, setRejecting] = useState<QueueItem | null>(null);
  const [editing, setEditing] = useState<QueueItem | null>(null);
  const [edited, setEdited] = useState('');
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  if (queue.isPending) return <PageLoader label="Loading the moderation queue…" />;
  if (queue.error || !queue.data) return <ErrorRegion error={queue.error} title="We couldn't load the queue" />;
  const { held, flagged } = queue.data;
  const reasonError = attempted && reason.trim().length < 3 ? 'Give the author a reason (at least 3 characters).' : undefined;

  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={1}>Moderation</Title>
        <Text>
          Posts and other shared items waiting in your groups. Releasing makes an item visible to the group (you may edit its words first); withdrawing keeps it private and tells
          the author why. Every decision is logged.
        </Text>
      </div>
      <SuccessRegion message={done} />
      <ErrorRegion error={rejecting || editing ? null : decide.error} title="The decision was not saved" />
      <section aria-labelledby="held-heading">
        <Title order={2} size="h3" id="held-heading" mb="sm">
          Waiting for a decision ({held.length})
        </Title>
        {held.length === 0 ? <Text>Nothing is waiting. Well done.</Text> : null}
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {held.map((item) => (
            <ItemCard
              key={item.id}
              item={item}
              approving={decide.isPending && decide.variables.itemId === item.id && decide.variables.decision === 'approve'}
              onApprove={() =>
                decide.mutate({ itemId: item.id, decision: 'approve' }, { onSuccess: () => setDone(`Released: the ${item.kindLabel} is now visible to ${item.groupName}.`) })
              }
              onEdit={() => setEditing(item)}
              onReject={() => setRejecting(item)}
            />
          ))}
        </Stack>
      </section>
      <section aria-labelledby="flagged-heading">
        <Title order={2} size="h3" id="flagged-heading" mb="sm">
          Published and flagged this week ({flagged.length})
        </Title>
        {flagged.length === 0 ? <Text>No flagged items.</Text> : null}
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {flagged.map((item) => (
            <ItemCard key={item.id} item={item} />
          ))}
        </Stack>
      </section>
      <FormModal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title="Edit, then release to the group"
        submitLabel="Release to the group"
        mutation={decide}
        submitDisabled={!edited.trim()}
        onReset={() => setEdited(editing?.text ?? '')}
        onSubmit={(close) => {
          if (!editing || !edited.trim()) return;
          const item = editing;
          decide.mutate(
            { itemId: item.id, decision: 'approve', text: edited },
            {
              onSuccess: () => {
                setDone(`Released with your edit: ${item.author.pseudonym ?? 'the author'} has been told some words were changed.`);
                close();
              },
            },
          );
        }}
      >
        <Text size="sm">The group sees your version. The author is told a facilitator changed some words; what they first wrote stays in the moderation log.</Text>
        <Textarea
          label="The text the group will see"
          required
          autosize
          minRows={3}
          maxLength={MODERATION_EDIT_MAX}
          value={edited}
          onChange={(e) => setEdited(e.currentTarget.value)}
        />
      </FormModal>
      <FormModal
        opened={!!rejecting}
        onClose={() => setRejecting(null)}
        title="Withdraw this item?"
        submitLabel="Withdraw"
        danger
        mutation={decide}
        onReset={() => {
          setReason('');
          setAttempted(false);
        }}
        onSubmit={(close) => {
          setAttempted(true);
          if (!rejecting || reason.trim().length < 3) return;
          const item = rejecting;
          decide.mutate(
            { itemId: item.id, decision: 'reject', reason: reason.trim() },
            {
              onSuccess: () => {
                setDone(`Withdrawn: ${item.author.pseudonym ?? 'the author'} has been told why.`);
                close();
              },
            },
          );
        }}
      >
        <Text size="sm">It stays visible to its author only. They get a notification with your reason (not your name).</Text>
        <Textarea
          label="Reason for the author"
          required
          autosize
          minRows={3}
          maxLength={MODERATION_REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError}
        />
      </FormModal>
    </Stack>
  );
}
