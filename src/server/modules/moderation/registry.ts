import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';
import { MODERATED_KINDS, type ContentKind, type ModeratedKind } from './kinds.js';

export interface ModeratedItemRow {
  kind: ContentKind;
  id: string;
  groupId: string;
  authorId: string;
  status: string;
  text: string;
  createdAt: string;
}

function selectItems(def: ModeratedKind) {
  const textParts = def.textColumns.map((c) => sql`coalesce(${sql.ref(c)}, '')`);
  const textExpr = textParts.length === 1 ? textParts[0] : sql.join(textParts, sql` || ' — ' || `);
  return sql<{ id: string; group_id: string; author_id: string; status: string; text: string; created_at: string }>`
    select id, ${sql.ref(def.groupColumn)} as group_id, ${sql.ref(def.authorColumn)} as author_id,
      ${sql.ref(def.statusColumn)} as status, ${textExpr} as text, ${sql.ref(def.createdAtColumn)} as created_at
    from ${sql.table(def.table)}
    ${def.kindFilter ? sql`where ${sql.ref(def.kindFilter.column)} = ${def.kindFilter.value}` : sql``}`;
}

function toRow(kind: ContentKind, r: { id: string; group_id: string; author_id: string; status: string; text: string; created_at: string }): ModeratedItemRow {
  return { kind, id: r.id, groupId: r.group_id, authorId: r.author_id, status: r.status, text: r.text, createdAt: r.created_at };
}

/** One item of a registered kind. */
export async function loadItem(db: DbOrTx, kind: ContentKind, id: string): Promise<ModeratedItemRow | undefined> {
  const def = MODERATED_KINDS[kind];
  if (!def) return undefined;
  const result = await sql<{ id: string; group_id: string; author_id: string; status: string; text: string; created_at: string }>`
    select * from (${selectItems(def)}) as item where item.id = ${id}`.execute(db);
  const row = result.rows[0];
  return row && toRow(kind, row);
}

/** Items of every kind in some groups, by status, newest first (at most `limit` per kind). */
export async function listItems(db: DbOrTx, filter: { groupIds: readonly string[]; statuses: readonly string[]; authorId?: string; limit: number }): Promise<ModeratedItemRow[]> {
  if (filter.groupIds.length === 0 || filter.statuses.length === 0) return [];
  const rows: ModeratedItemRow[] = [];
  for (const [kind, def] of Object.entries(MODERATED_KINDS) as [ContentKind, ModeratedKind][]) {
    const author = filter.authorId === undefined ? sql`` : sql`and item.author_id = ${filter.authorId}`;
    const result = await sql<{ id: string; group_id: string; author_id: string; status: string; text: string; created_at: string }>`
      select * from (${selectItems(def)}) as item
      where item.group_id in (${sql.join(filter.groupIds.map((g) => sql`${g}`))})
        and item.status in (${sql.join(filter.statuses.map((s) => sql`${s}`))}) ${author}
      order by item.created_at desc limit ${filter.limit}`.execute(db);
    rows.push(...result.rows.map((r) => toRow(kind, r)));
  }
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Moves a held item to its decided status; false when it is no longer held. */
export async function setItemStatus(db: DbOrTx, kind: ContentKind, id: string, from: string, to: string): Promise<boolean> {
  const def = MODERATED_KINDS[kind];
  if (!def) return false;
  const result = await sql`update ${sql.table(def.table)} set ${sql.ref(def.statusColumn)} = ${to}
    where id = ${id} and ${sql.ref(def.statusColumn)} = ${from}
    ${def.kindFilter ? sql`and ${sql.ref(def.kindFilter.column)} = ${def.kindFilter.value}` : sql``}`.execute(db);
  return Number(result.numAffectedRows ?? 0n) === 1;
}

/** Replaces the editable text of a held item (false when the kind has no single editable column or the item is no longer held). */
export async function setHeldItemText(db: DbOrTx, kind: ContentKind, id: string, text: string): Promise<boolean> {
  const def = MODERATED_KINDS[kind];
  if (!def?.editableColumn) return false;
  const result = await sql`update ${sql.table(def.table)} set ${sql.ref(def.editableColumn)} = ${text}
    where id = ${id} and ${sql.ref(def.statusColumn)} = 'held'
    ${def.kindFilter ? sql`and ${sql.ref(def.kindFilter.column)} = ${def.kindFilter.value}` : sql``}`.execute(db);
  return Number(result.numAffectedRows ?? 0n) === 1;
}
