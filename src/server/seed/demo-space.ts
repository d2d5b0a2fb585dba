import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { appendModerationLog } from '../modules/moderation/record-moderation.js';

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
  replies: [
    ['Willow', 'Writing three lines in my journal each night.'],
    ['Harbour', 'Saying yes to coffee with my brother.'],
    ['Juniper', 'Asking my partner to take the night feed once.'],
    ['Ember', 'Texting one friend a photo, like Skylark suggested.'],
  ] as [string, string][],
};

/** A lived-in group space for the demo: a week of chat and one thread started by the lead facilitator. */
export async function seedDemoSpace(trx: Transaction<DB>, input: { groupId: string; leadId: string; members: readonly Member[]; now: Date }): Promise<void> {
  const { groupId, now } = input;
  const byName = new Map(input.members.map((m) => [m.pseudonym, m]));
  let seq = 0;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
  const post = async (author: { id: string; enrolmentId: string | null }, threadId: string | null, body: string, when: Date) => {
    seq += 1;
    const id = newId();
    await trx
      .insertInto('space_posts')
      .values({
        id,
        group_id: groupId,
        thread_id: threadId,
        kind: threadId ? 'post' : 'message',
        seq,
        version_seq: seq,
        author_id: author.id,
        enrolment_id: author.enrolmentId,
        author_role: author.enrolmentId ? 'participant' : 'clinician',
        client_id: null,
        body,
        reply_to_id: null,
        moderation_status: 'published',
        moderation_reasons: null,
        status_reason: null,
        created_at: when.toISOString(),
        edited_at: null,
        removed_at: null,
        removed_by: null,
      })
      .execute();
    await appendModerationLog(trx, { item: { kind: threadId ? 'post' : 'message', id, groupId, authorId: author.id }, actorId: null, action: 'published', reason: 'Published: nothing needed checking first.', now: when });
    return id;
  };
  const member = (name: string) => {
    const m = byName.get(name);
    return m ? { id: m.participantId, enrolmentId: m.enrolmentId } : null;
  };
  const threadId = newId();
  await trx.insertInto('space_threads').values({ id: threadId, group_id: groupId, title: THREAD.title, created_by: input.leadId, created_by_enrolment: null, opening_post_id: null, pinned: 1, created_at: at(80).toISOString() }).execute();
  const openingId = await post({ id: input.leadId, enrolmentId: null }, threadId, THREAD.opening, at(80));
  await trx.updateTable('space_threads').set({ opening_post_id: openingId }).where('id', '=', threadId).execute();
  for (const [index, [name, text]] of THREAD.replies.entries()) {
    const author = member(name);
    if (author) await post(author, threadId, text, at(75 - index * 8));
  }
  for (const [name, hoursAgo, text] of CHAT) {
    const author = member(name);
    if (author) await post(author, null, text, at(hoursAgo));
  }
  await trx.insertInto('space_counters').values({ group_id: groupId, last_seq: seq }).execute();
}
