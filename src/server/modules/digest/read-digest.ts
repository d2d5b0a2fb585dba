import type { UseCaseContext } from '../../http/use-case.js';
import { buildDigest, type DigestContent } from './build-digest.js';

/** A session's digest as sent, or — before it is sent, or for a past session without one — built now; audited. */
export async function readDigest(ctx: UseCaseContext, sessionId: string) {
  const stored = await ctx.db.selectFrom('session_digests').select(['content', 'created_at', 'group_id']).where('session_id', '=', sessionId).executeTakeFirst();
  const content: DigestContent = stored ? (JSON.parse(stored.content) as DigestContent) : await buildDigest(ctx.db, sessionId);
  await ctx.audit({ action: 'digest.read', resourceType: 'session', resourceId: sessionId, groupId: content.group.id, detail: { stored: !!stored } });
  return { stored: !!stored, builtAt: stored?.created_at ?? ctx.now.toISOString(), ...content };
}
