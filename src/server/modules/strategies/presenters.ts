import type { MarkCounts, Strategy } from '../../../shared/schemas/strategies.js';
import type { StrategyRow, Viewer } from './repository.js';

const noMarks: MarkCounts = { try: 0, helped: 0, didntHelp: 0 };

/** A strategy as the group sees it: the author by pseudonym, never by name. */
export function presentStrategy(row: StrategyRow, viewer: Viewer, counts: MarkCounts | undefined): Strategy {
  return {
    id: row.id,
    groupId: row.group_id,
    title: row.title,
    whenHelps: row.when_helps,
    steps: row.steps,
    authorPseudonym: row.pseudonym,
    mine: row.author_id === viewer.userId,
    status: row.moderation_status,
    createdAt: row.created_at,
    counts: counts ?? noMarks,
    myMark: row.my_mark ?? null,
    libraryEntryId: row.library_entry_id ?? null,
  };
}
