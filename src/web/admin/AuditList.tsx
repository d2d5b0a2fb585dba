import { Badge, Code, Stack, Text } from '@mantine/core';
import type { AuditEvent } from '../api/types';
import { formatDateTime, roleLabel } from '../layout/format';
import type { Role } from '../api/types';
import classes from '../layout/layout.module.css';
import { ResponsiveTable, type Column } from '../layout/ResponsiveTable';

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

const columns: Column<AuditEvent>[] = [
  { key: 'when', header: 'When', width: '17%', cell: (e) => formatDateTime(e.at) },
  { key: 'who', header: 'Who', width: '20%', cell: (e) => actor(e), td: { className: classes.wrap }, card: 'detail' },
  { key: 'action', header: 'Action', width: '18%', cell: (e) => <Code className={classes.wrap}>{e.action}</Code>, td: { className: classes.wrap }, card: 'title' },
  {
    key: 'resource',
    header: 'Resource',
    width: '20%',
    cell: (e) => (
      <>
        {resource(e)}
        <BreakGlassReason event={e} />
      </>
    ),
    td: { className: classes.wrap },
  },
  { key: 'outcome', header: 'Outcome', width: '10%', cell: (e) => <Outcome event={e} />, card: 'aside' },
  { key: 'more', header: 'More', width: '15%', cell: (e) => <MoreDetail event={e} />, card: 'detail' },
];

/** Audit events as a table on wide screens and as a stacked list on phones. */
export function AuditList({ items }: { items: AuditEvent[] }) {
  if (items.length === 0) return <Text>No events match these filters.</Text>;
  return <ResponsiveTable rows={items} columns={columns} rowKey={(e) => e.id} label="Audit events" minWidth={800} layout="fixed" verticalSpacing="xs" alignTop />;
}
