import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import type { Config } from '../config/env.js';
import { decideHeldItem } from '../modules/moderation/decide-item.js';
import { authorRoleOf, staffLabel, type SpaceViewer } from '../modules/space/access.js';
import { moderateFor, storePost } from '../modules/space/create-post.js';
// The space's kinds must be known to the moderation registry before the app is built (npm start seeds first).
import { seedContext } from './seed-context.js';

/** Holds a facilitator approves as routine: a new member's first posts, posts out of staffed hours, pre-moderation. */
const ROUTINE_HOLDS: ReadonlySet<string> = new Set(['new_member', 'outside_staffed_hours', 'pre_moderation']);

interface Member {
  enrolmentId: string;
  participantId: string;
  pseudonym: string;
}

const CHAT: [by: string, hoursAgo: number, text: string][] = [
  ['Willow', 70, 'Morning all. Tried the box breathing before my phone call yesterday and it actually helped.'],
  ['Harbour', 69, 'That’s great Willow. I still dread calls but I’ll try it before the one on Thursday.'],
  ['Juniper', 50, 'Rough night with the baby but I went for the ten-minute walk. Small win.'],
  ['Cedar', 49, 'Small wins count. I got out of the house twice this week.'],
  ['Willow', 30, 'Looking forward to Tuesday. It helps knowing I’m not the only one.'],
  ['Harbour', 29, 'Same here. See you all then.'],
  ['Juniper', 10, 'Thanks for the kind words last session, it stayed with me.'],
  ['Cedar', 9, 'It’s good to have somewhere to say things out loud.'],
  ['Skylark', 6, 'Hello everyone, still finding my feet here but reading along.'],
];

const THREAD = {
  title: 'What helped this week?',
  opening: 'One thing, however small, that helped you this week. Reply when you like.',
  /** `[by, hours ago, text, answering whose reply]`: members answer each other, not only the question. */
  replies: [
    ['Willow', 75, 'Writing three lines in my journal each night.'],
    ['Harbour', 67, 'Saying yes to coffee with my brother.'],
    ['Willow', 62, 'A big step, Harbour. I hope the coffee was a good one.', 'Harbour'],
    ['Juniper', 59, 'Asking my partner to take the night feed once.'],
    ['Ember', 51, 'Texting one friend a photo, like Skylark suggested.'],
    ['Harbour', 45, 'Three lines each night sounds doable. I might borrow that.', 'Willow'],
    ['Juniper', 44, 'I love that. A photo is so much easier than words on some days.', 'Ember'],
  ] as [by: string, hoursAgo: number, text: string, replyTo?: string][],
};

/**
 * Risk messages from Ember, within an hour, a few hours ago: the detector tiers them as
 * concern and they fold into one open alert (one card per situation), left open for the demo.
 */
const EMBER_RISK: [hoursAgo: number, text: string][] = [
  [4, 'Honestly everything feels pointless lately.'],
  [3.6, 'I feel hopeless and like a burden to everyone at home.'],
  [3.1, 'I just want to disappear for a while.'],
];

/**
 * A lived-in group space for the demo: a week of chat and one thread started by the lead
 * facilitator, where members also answer each other (replies the connection map counts). Every post goes through the moderation entry point at the moment it was written
 * (moderate → store → recordModeration), so what the detector would flag raised its alert;
 * posts held only because the author was new or it was out of hours were approved by the lead
 * twenty minutes later, as the moderation queue would have it.
 */
export async function seedDemoSpace(
  trx: Transaction<DB>,
  input: { config: Config; groupId: string; lead: { id: string; displayName: string }; members: readonly Member[]; now: Date },
): Promise<void> {
  const { groupId, now } = input;
  const byName = new Map(input.members.map((m) => [m.pseudonym, m]));
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
  const leadViewer: SpaceViewer = { userId: input.lead.id, groupId, role: 'staff', enrolmentId: null, label: staffLabel(input.lead.displayName) };
  const post = async (viewer: SpaceViewer, threadId: string | null, text: string, when: Date, replyToId?: string) => {
    const kind = threadId ? 'post' : 'message';
    const decision = await moderateFor({ db: trx, now: when }, viewer, kind, { text });
    const actor = { userId: viewer.userId, role: authorRoleOf(viewer), requestId: null, ip: null };
    const stored = await storePost(trx, { actor, now: when }, viewer, { thread: threadId ?? 'chat', text, replyToId }, decision);
    if (stored.status === 'held' && decision.reasons.every((r) => ROUTINE_HOLDS.has(r.code))) {
      await decideHeldItem(seedContext(trx, input.config, { id: input.lead.id, role: 'clinician' }, new Date(when.getTime() + 20 * 60_000)), stored.id, 'approve', undefined);
    }
    return stored.id;
  };
  const member = (name: string): SpaceViewer | null => {
    const m = byName.get(name);
    return m ? { userId: m.participantId, groupId, role: 'member', enrolmentId: m.enrolmentId, label: m.pseudonym } : null;
  };
  const threadId = newId();
  await trx
    .insertInto('space_threads')
    .values({
      id: threadId,
      group_id: groupId,
      title: THREAD.title,
      created_by: input.lead.id,
      created_by_enrolment: null,
      opening_post_id: null,
      pinned: 1,
      created_at: at(80).toISOString(),
    })
    .execute();
  const openingId = await post(leadViewer, threadId, THREAD.opening, at(80));
  await trx.updateTable('space_threads').set({ opening_post_id: openingId }).where('id', '=', threadId).execute();
  const firstReplyOf = new Map<string, string>();
  for (const [name, hoursAgo, text, replyTo] of THREAD.replies) {
    const author = member(name);
    if (!author) continue;
    const id = await post(author, threadId, text, at(hoursAgo), replyTo ? firstReplyOf.get(replyTo) : undefined);
    if (!firstReplyOf.has(name)) firstReplyOf.set(name, id);
  }
  const chat = [...CHAT, ...EMBER_RISK.map(([hoursAgo, text]) => ['Ember', hoursAgo, text] as const)].sort((a, b) => b[1] - a[1]);
  for (const [name, hoursAgo, text] of chat) {
    const author = member(name);
    if (author) await post(author, null, text, at(hoursAgo));
  }
}
