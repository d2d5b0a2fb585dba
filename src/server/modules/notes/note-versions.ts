import type { z } from 'zod';
import type { noteVersionSchema } from '../../../shared/schemas/notes.js';
import type { UseCaseContext } from '../../http/use-case.js';

/** Every saved version of a session's note, newest first; audited. */
export async function noteVersions(ctx: UseCaseContext, sessionId: string) {
  const rows = await ctx.db
    .selectFrom('note_versions as v')
    .innerJoin('group_notes as n', 'n.id', 'v.note_id')
    .innerJoin('users as u', 'u.id', 'v.saved_by')
    .select(['v.version', 'v.kind', 'v.content', 'v.saved_at', 'u.display_name', 'n.id as note_id'])
    .where('n.session_id', '=', sessionId)
    .orderBy('v.version', 'desc')
    .execute();
  await ctx.audit({ action: 'notes.versions.read', resourceType: 'group_note', resourceId: rows[0]?.note_id ?? sessionId });
  return {
    versions: rows.map((r) => ({
      version: r.version,
      kind: r.kind,
      savedBy: r.display_name,
      savedAt: r.saved_at,
      content: JSON.parse(r.content) as z.infer<typeof noteVersionSchema>['content'],
    })),
  };
}
