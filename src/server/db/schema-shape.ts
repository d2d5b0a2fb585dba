import { sql } from 'kysely';
import type { DatabaseKind, Db } from './database.js';

/** The shape of a schema: tables with their columns in order, index and trigger names. */
export interface SchemaShape {
  tables: Record<string, string[]>;
  indexes: string[];
  triggers: string[];
}

/**
 * Reads the shape of the current schema (SQLite: the main database; PostgreSQL: the first schema on
 * the search path), sorted, so two shapes compare with a deep equality.
 */
export async function describeSchema(db: Db, kind: DatabaseKind): Promise<SchemaShape> {
  if (kind === 'sqlite') {
    const objects = await sql<{ type: string; name: string; tbl_name: string }>`
      select type, name, tbl_name from sqlite_master where name not like 'sqlite_%' order by name`.execute(db);
    const tables: Record<string, string[]> = {};
    for (const o of objects.rows.filter((r) => r.type === 'table')) {
      const columns = await sql<{ name: string }>`select name from pragma_table_info(${o.name}) order by cid`.execute(db);
      tables[o.name] = columns.rows.map((c) => c.name);
    }
    return {
      tables,
      indexes: objects.rows.filter((r) => r.type === 'index').map((r) => r.name),
      triggers: objects.rows.filter((r) => r.type === 'trigger').map((r) => r.name),
    };
  }
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() order by c.table_name, c.ordinal_position`.execute(db);
  const tables: Record<string, string[]> = {};
  for (const c of columns.rows) (tables[c.table_name] ??= []).push(c.column_name);
  const indexes = await sql<{ indexname: string }>`select indexname from pg_indexes where schemaname = current_schema() order by indexname`.execute(db);
  const triggers = await sql<{ name: string }>`
    select t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and not t.tgisinternal
    union select 'function ' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = current_schema()
    order by name`.execute(db);
  return { tables, indexes: indexes.rows.map((r) => r.indexname), triggers: triggers.rows.map((r) => r.name) };
}
