import { Badge, Card, Code, Group, Stack, Table, Text } from '@mantine/core';
import type { AuditEvent } from '../api/types';
import { formatDateTime, roleLabel } from '../layout/format';
import type { Role } from '../api/types';
import classes from '../layout/layout.module.css';

const outcomeColor: Record<AuditEvent['outcome'], string> = { success: 'green', failure: 'orange', denied: 'red' };
const outcomeLabel: Record<AuditEvent['outcome'], string> = { success: 'Success', failure: 'Failure', denied: 'Denied' };

function actor(e: AuditEvent): string {
  if (!e.actorName && !e.actorUserId) return e.action.startsWith('system.') ? 'System' : 'Not signed in';
  const role = e.actorRole && e.actorRole in roleLabel ? roleLabel[e.actorRole as Role] : e.actorRole;
  return `${e.actorName ?? e.actorUserId}${role ? ` (${role})` : ''}`;
}

function resource(e: AuditEvent): string {
  if (!e.resourceType) return '—';
  return e.resourceId ? `${e.resourceType} ${e.resourceId}` : e.resourceType;
}

function Outcome({ event }: { event: AuditEvent }) {
  return (
    <Badge color={outcomeColor[event.outcome]} variant="light">
      {outcomeLabel[event.outcome]}
    </Badge>
  );
}

/** The reason given for emergency (break-glass) access: shown in the row, never folded away. */
function BreakGlassReason({ event }: { event: AuditEvent }) {
  const reason = event.action === 'break_glass.open' ? event.detail?.reason : undefined;
  if (typeof reason !== 'string') return null;
  return (
    <Text size="sm" mt={4} className={classes.wrap}>
      <Text span fw={600} size="sm">
        Reason given:
      </Text>{' '}
      {reason}
    </Text>
  );
}

/** Request ID, address, group and the event's detail, folded away until asked for. */
function MoreDetail({ event }: { event: AuditEvent }) {
  return (
    <details>
      <summary>
        <Text span size="sm">
          Details
        </Text>
      </summary>
      <Stack gap={2} mt={4}>
        {event.requestId ? (
          <Text size="xs" className={classes.wrap}>
            Request: {event.requestId}
          </Text>
        ) : null}
        {event.ip ? <Text size="xs">Address: {event.ip}</Text> : null}
        {event.groupId ? (
          <Text size="xs" className={classes.wrap}>
            Group: {event.groupId}
          </Text>
        ) : null}
        {event.actorUserId ? (
          <Text size="xs" className={classes.wrap}>
            User ID: {event.actorUserId}
          </Text>
        ) : null}
        {event.detail ? (
          <Code block fz="xs" className={classes.wrap} style={{ whiteSpace: 'pre-wrap' }}>
            {JSON.stringify(event.detail, null, 2)}
          </Code>
        ) : null}
      </Stack>
    </details>
  );
}

/** Audit events as a table on wide screens and as a stacked list on phones. */
export function AuditList({ items }: { items: AuditEvent[] }) {
  if (items.length === 0) return <Text>No events match these filters.</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={800} visibleFrom="md">
        <Table striped verticalSpacing="xs" bg="white" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="17%">
                When
              </Table.Th>
              <Table.Th scope="col" w="20%">
                Who
              </Table.Th>
              <Table.Th scope="col" w="18%">
                Action
              </Table.Th>
              <Table.Th scope="col" w="20%">
                Resource
              </Table.Th>
              <Table.Th scope="col" w="10%">
                Outcome
              </Table.Th>
              <Table.Th scope="col" w="15%">
                More
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id} style={{ verticalAlign: 'top' }}>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td className={classes.wrap}>{actor(e)}</Table.Td>
                <Table.Td className={classes.wrap}>
                  <Code>{e.action}</Code>
                </Table.Td>
                <Table.Td className={classes.wrap}>
                  {resource(e)}
                  <BreakGlassReason event={e} />
                </Table.Td>
                <Table.Td>
                  <Outcome event={e} />
                </Table.Td>
                <Table.Td>
                  <MoreDetail event={e} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Stack gap="sm" hiddenFrom="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Audit events">
        {items.map((e) => (
          <Card key={e.id} component="li" withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Code className={classes.wrap}>{e.action}</Code>
              <Outcome event={e} />
            </Group>
            <Text size="sm" mt={4} className={classes.wrap}>
              {actor(e)}
            </Text>
            <Text size="sm" c="dimmed" className={classes.wrap}>
              {formatDateTime(e.at)} · {resource(e)}
            </Text>
            <BreakGlassReason event={e} />
            <MoreDetail event={e} />
          </Card>
        ))}
      </Stack>
    </>
  );
}
