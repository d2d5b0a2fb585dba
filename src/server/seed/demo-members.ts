import type { DbOrTx } from '../db/database.js';
import type { ContentKind } from '../modules/moderation/kinds.js';
import { appendModerationLog, PUBLISHED_REASON } from '../modules/moderation/record-moderation.js';

/** A member of the demo group as the exchange and goals stories name them. */
export interface DemoMember {
  enrolmentId: string;
  participantId: string;
  pseudonym: string;
}

/** Finds a demo member by pseudonym; a story naming someone not in the group is a mistake in the seed. */
export function memberFinder(members: readonly DemoMember[]): (pseudonym: string) => DemoMember {
  const byPseudonym = new Map(members.map((m) => [m.pseudonym, m]));
  return (pseudonym) => {
    const m = byPseudonym.get(pseudonym);
    if (!m) throw new Error(`demo member ${pseudonym} missing`);
    return m;
  };
}

/** The stored timestamp `days` days before `now`. */
export function daysBefore(now: Date): (days: number) => string {
  return (days) => new Date(now.getTime() - days * 86_400_000).toISOString();
}

/** Logs a seeded item as published, the row moderation writes for an item that needed no check. */
export function logPublished(db: DbOrTx, groupId: string, kind: ContentKind, id: string, author: DemoMember, when: string): Promise<void> {
  return appendModerationLog(db, {
    item: { kind, id, groupId, authorId: author.participantId },
    actorId: null,
    action: 'published',
    reason: PUBLISHED_REASON,
    now: new Date(when),
  });
}
