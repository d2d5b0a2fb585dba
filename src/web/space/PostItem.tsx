import { Badge, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { ERASED_AT_REQUEST } from '../../shared/schemas/data-rights';
import { formatDateTime } from '../layout/format';
import type { SpacePost } from './api';
import { careTeamMessage } from './CareTeamTold';
import classes from './space.module.css';

export type PostAction = 'report_worried' | 'report_agreement' | 'mute' | 'block' | 'tag' | 'withdraw' | 'remove' | 'approve' | 'release_edited' | 'reject';

const STATUS_LABEL: Record<SpacePost['status'], string> = {
  published: '',
  held: 'Held for review',
  rejected: 'Not published',
  removed: 'Removed',
};

/** One message: author, time, text (always as text), its status for its author and the facilitators, and a menu of actions. */
export function PostItem({ post, staff, onAction }: { post: SpacePost; staff: boolean; onAction: (action: PostAction, post: SpacePost) => void }) {
  const removed = post.status === 'removed';
  const peer = !post.mine && post.author.role === 'participant' && post.author.enrolmentId !== null;
  return (
    <Paper
      component="article"
      withBorder={!post.mine}
      p="sm"
      radius="md"
      className={post.mine ? classes.mine : classes.theirs}
      aria-label={`Message from ${post.author.label}`}
      data-testid="space-post"
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" fw={700} className={classes.author}>
            {post.mine ? 'You' : post.author.label}
          </Text>
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed">
              <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time>
              {post.editedAt ? ' · edited' : ''}
            </Text>
            {!removed ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="subtle" size="compact-xs" aria-label={`Actions for the message from ${post.mine ? 'you' : post.author.label}`}>
                    •••
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {post.status === 'published' ? <Menu.Item onClick={() => onAction('tag', post)}>Bring to next session</Menu.Item> : null}
                  {!post.mine ? (
                    <>
                      <Menu.Item onClick={() => onAction('report_worried', post)}>I’m worried about this person</Menu.Item>
                      <Menu.Item onClick={() => onAction('report_agreement', post)}>This breaks our agreement</Menu.Item>
                    </>
                  ) : null}
                  {peer && !staff ? (
                    <>
                      <Menu.Item onClick={() => onAction('mute', post)}>Mute {post.author.label}</Menu.Item>
                      <Menu.Item onClick={() => onAction('block', post)}>Block {post.author.label}</Menu.Item>
                    </>
                  ) : null}
                  {post.mine ? <Menu.Item onClick={() => onAction('withdraw', post)}>Take back my message</Menu.Item> : null}
                  {staff && !post.mine ? (
                    <Menu.Item color="red" onClick={() => onAction('remove', post)}>
                      Remove with a reason
                    </Menu.Item>
                  ) : null}
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        </Group>
        {removed ? (
          <Text size="sm" fs="italic" c="dimmed">
            {post.statusReason === ERASED_AT_REQUEST ? ERASED_AT_REQUEST : post.mine ? 'You removed this message.' : 'This message was removed.'}
            {post.statusReason && !post.mine && post.statusReason !== ERASED_AT_REQUEST ? ` Reason: ${post.statusReason}` : ''}
            {post.statusReason && post.mine && post.statusReason !== 'Removed by its author.' ? ` A facilitator removed it: ${post.statusReason}` : ''}
          </Text>
        ) : (
          <Text size="sm" className={classes.body}>
            {post.body}
          </Text>
        )}
        {post.status === 'held' || post.status === 'rejected' ? (
          <Stack gap={4}>
            <Badge color={post.status === 'held' ? 'yellow' : 'gray'} variant="light" size="sm">
              {post.status === 'held' && careTeamMessage(post.statusReasons) ? (staff ? 'Held: urgent risk language' : 'With your care team first') : STATUS_LABEL[post.status]}
            </Badge>
            {post.statusReasons.map((r) => (
              <Text key={r.code} size="xs" c="dimmed">
                {r.message}
              </Text>
            ))}
            {post.status === 'rejected' && post.statusReason ? <Text size="xs">Reason: {post.statusReason}</Text> : null}
            {staff && post.status === 'held' ? (
              <Group gap="xs">
                <Button size="compact-sm" onClick={() => onAction('approve', post)}>
                  Release
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => onAction('release_edited', post)}>
                  Edit and release…
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => onAction('reject', post)}>
                  Withdraw…
                </Button>
              </Group>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
