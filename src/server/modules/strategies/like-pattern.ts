/** Escapes LIKE wildcards and lower-cases: the same search on SQLite and PostgreSQL. */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
