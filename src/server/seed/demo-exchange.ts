import type { Transaction } from 'kysely';
import type { DB, StrategyMarkState } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import type { ContentKind } from '../modules/moderation/kinds.js';
import { daysBefore, logPublished, memberFinder, type DemoMember } from './demo-members.js';

const STRATEGIES: { by: string; daysAgo: number; title: string; whenHelps: string; steps: string; curated?: 'pseudonym' | 'anonymous'; evidence?: string }[] = [
  {
    by: 'Willow',
    daysAgo: 30,
    title: 'Box breathing before meetings',
    whenHelps: 'When my chest gets tight before a meeting or a phone call.',
    steps: 'Breathe in for a count of 4.\nHold for 4.\nBreathe out for 4.\nHold for 4.\nRepeat four times.',
    curated: 'pseudonym',
    evidence: 'Slow paced breathing is a common part of anxiety management programmes.',
  },
  {
    by: 'Juniper',
    daysAgo: 21,
    title: '5-4-3-2-1 grounding',
    whenHelps: 'When worry starts spinning and I feel far away from the room.',
    steps: 'Name 5 things you can see, 4 you can touch, 3 you can hear, 2 you can smell and 1 you can taste.',
    curated: 'anonymous',
    evidence: 'A grounding exercise used in many trauma-informed and DBT skills groups.',
  },
  {
    by: 'Cedar',
    daysAgo: 12,
    title: 'The ten-minute walk rule',
    whenHelps: 'On days I cannot get going at all.',
    steps: 'Put shoes on.\nWalk for ten minutes, any direction.\nIf I want to come back after ten minutes, I do. Usually I keep going.',
  },
  {
    by: 'Skylark',
    daysAgo: 4,
    title: 'Texting a friend one small thing',
    whenHelps: 'When I notice I have not spoken to anyone for a day or two.',
    steps: 'Pick one person.\nSend something small: a photo, a song, “thinking of you”.\nNo need to start a long conversation.',
  },
  {
    by: 'Harbour',
    daysAgo: 2,
    title: 'Writing the worry down, then closing the notebook',
    whenHelps: 'At night when my thoughts will not settle.',
    steps: 'Write the worry in one sentence.\nWrite one thing I could do about it tomorrow.\nClose the notebook and put it in another room.',
  },
];

/** Peers' marks on the strategies, each on the day it was made (days ago), after the strategy was shared. */
const MARKS: [title: string, who: string, state: StrategyMarkState, daysAgo: number][] = [
  ['Box breathing before meetings', 'Harbour', 'helped', 24],
  ['Box breathing before meetings', 'Juniper', 'helped', 19],
  ['Box breathing before meetings', 'Pebble', 'didnt_help', 12],
  ['Box breathing before meetings', 'Ember', 'try', 9],
  ['5-4-3-2-1 grounding', 'Willow', 'helped', 15],
  ['5-4-3-2-1 grounding', 'Cedar', 'try', 14],
  ['The ten-minute walk rule', 'Willow', 'try', 8],
  ['The ten-minute walk rule', 'Juniper', 'helped', 7],
  ['The ten-minute walk rule', 'Ember', 'helped', 5],
  ['Texting a friend one small thing', 'Pebble', 'try', 2],
  ['Texting a friend one small thing', 'Ember', 'helped', 2],
  ['Writing the worry down, then closing the notebook', 'Juniper', 'helped', 1],
];

/**
 * Appreciations over the group's weeks: a few after the first sessions (Meadow among them, before
 * her hospital stay), more as the group settles, most in the last weeks. Harbour and Skylark have
 * not yet reached each other (Harbour's "your connections" suggests Skylark); Cedar welcomed Pebble,
 * who has not answered yet (a one-way tie).
 */
const APPRECIATIONS: { from: string; to: string[]; daysAgo: number; body: string }[] = [
  { from: 'Willow', to: ['Harbour'], daysAgo: 40, body: 'When you talked about dreading phone calls, I recognised myself. Thank you for going first.' },
  { from: 'Meadow', to: ['Willow'], daysAgo: 38, body: 'Thank you for saving me a seat and checking in with me at the break. It helped me stay.' },
  { from: 'Juniper', to: ['Meadow'], daysAgo: 36, body: 'I liked how you described the good days and the flat days. It sounded a lot like mine.' },
  { from: 'Willow', to: ['Juniper'], daysAgo: 31, body: 'Thank you for being so open in group about how tired you are. It helped me say more too.' },
  { from: 'Cedar', to: ['Harbour'], daysAgo: 25, body: 'Thank you for the joke at the break. I laughed properly for the first time in weeks.' },
  { from: 'Cedar', to: ['Pebble'], daysAgo: 23, body: 'Welcome to the group. You said you nearly did not come, and I am really glad you did.' },
  { from: 'Ember', to: ['Skylark'], daysAgo: 22, body: 'Thank you for suggesting I send a friend a photo. I did, and we are meeting up next week.' },
  { from: 'Harbour', to: ['Willow'], daysAgo: 20, body: 'What I valued in what you shared: how honest you were about the hard weeks. It made it easier for me to talk.' },
  { from: 'Cedar', to: ['Willow', 'Juniper'], daysAgo: 13, body: 'Thank you both for listening without trying to fix things. I felt heard.' },
  { from: 'Willow', to: ['Ember'], daysAgo: 12, body: 'Thank you for telling us about meeting your friend. It gave me the push to message mine.' },
  { from: 'Harbour', to: ['Juniper'], daysAgo: 9, body: 'Your story about the parent café made me want to try something new too. Thank you.' },
  { from: 'Pebble', to: ['Harbour'], daysAgo: 8, body: 'Thank you for asking how I was after the session. Nobody had asked me that in a while.' },
  { from: 'Juniper', to: ['Cedar'], daysAgo: 6, body: 'Your ten-minute walk idea got me out of the house twice this week.' },
  { from: 'Skylark', to: ['Willow'], daysAgo: 1, body: 'I valued how you described asking for help at work. I want to try that.' },
  { from: 'Ember', to: ['Willow'], daysAgo: 1, body: 'You remembered what I said last week and asked about it. That meant a lot.' },
];

/** Feedback requests and peers' replies (`[who, text, days ago]`). */
const REQUESTS: { by: string; daysAgo: number; body: string; replies: [string, string, number][] }[] = [
  {
    by: 'Cedar',
    daysAgo: 9,
    body: 'I’d welcome feedback on how I come across when I disagree with people in group.',
    replies: [
      ['Willow', 'You stay calm and you explain why. Sometimes you apologise before you need to.', 8],
      ['Harbour', 'I agree with Willow. You listen first, and that makes it easier to hear you when you disagree.', 7],
    ],
  },
  {
    by: 'Skylark',
    daysAgo: 3,
    body: 'I’d welcome feedback on whether I talk too little in the group.',
    replies: [['Juniper', 'I notice that when you do speak, the group listens. I would like to hear more from you when you are ready.', 2]],
  },
];

/**
 * The peer exchange for the demo group: strategies with peers' marks (two curated into the
 * programme library), appreciations between members and feedback requests with replies. Every
 * item is published, and logged as such, as if a facilitator had seen it.
 */
export async function seedDemoExchange(trx: Transaction<DB>, input: { programmeId: string; groupId: string; curatorId: string; members: DemoMember[]; now: Date }): Promise<void> {
  const member = memberFinder(input.members);
  const at = daysBefore(input.now);
  const log = (kind: ContentKind, id: string, author: DemoMember, when: string) => logPublished(trx, input.groupId, kind, id, author, when);

  const strategyIds = new Map<string, string>();
  for (const s of STRATEGIES) {
    const author = member(s.by);
    const id = newId();
    strategyIds.set(s.title, id);
    await trx
      .insertInto('strategies')
      .values({
        id,
        group_id: input.groupId,
        enrolment_id: author.enrolmentId,
        author_id: author.participantId,
        title: s.title,
        when_helps: s.whenHelps,
        steps: s.steps,
        moderation_status: 'published',
        created_at: at(s.daysAgo),
        updated_at: at(s.daysAgo),
      })
      .execute();
    await log('strategy', id, author, at(s.daysAgo));
    if (s.curated) {
      await trx
        .insertInto('library_entries')
        .values({
          id: newId(),
          programme_id: input.programmeId,
          group_id: input.groupId,
          strategy_id: id,
          title: s.title,
          when_helps: s.whenHelps,
          steps: s.steps,
          credit: s.curated,
          credit_name: s.curated === 'pseudonym' ? author.pseudonym : null,
          evidence_note: s.evidence ?? null,
          search_text: [s.title, s.whenHelps, s.steps].join('\n').toLowerCase(),
          status: 'active',
          curated_by: input.curatorId,
          curated_at: at(s.daysAgo - 3),
          removed_by: null,
          removed_at: null,
          removal_reason: null,
        })
        .execute();
    }
  }
  for (const [title, who, state, daysAgo] of MARKS) {
    const strategyId = strategyIds.get(title);
    if (strategyId)
      await trx
        .insertInto('strategy_marks')
        .values({ strategy_id: strategyId, enrolment_id: member(who).enrolmentId, state, created_at: at(daysAgo), updated_at: at(daysAgo) })
        .execute();
  }
  for (const a of APPRECIATIONS) {
    const sender = member(a.from);
    const id = newId();
    await trx
      .insertInto('appreciations')
      .values({
        id,
        group_id: input.groupId,
        sender_enrolment_id: sender.enrolmentId,
        sender_id: sender.participantId,
        session_id: null,
        body: a.body,
        moderation_status: 'published',
        created_at: at(a.daysAgo),
      })
      .execute();
    await trx
      .insertInto('appreciation_recipients')
      .values(a.to.map((p) => ({ appreciation_id: id, recipient_enrolment_id: member(p).enrolmentId, recipient_id: member(p).participantId, created_at: at(a.daysAgo) })))
      .execute();
    await log('appreciation', id, sender, at(a.daysAgo));
  }
  for (const r of REQUESTS) {
    const author = member(r.by);
    const id = newId();
    await trx
      .insertInto('feedback_items')
      .values({
        id,
        group_id: input.groupId,
        parent_id: null,
        enrolment_id: author.enrolmentId,
        author_id: author.participantId,
        body: r.body,
        moderation_status: 'published',
        created_at: at(r.daysAgo),
      })
      .execute();
    await log('feedback_request', id, author, at(r.daysAgo));
    for (const [who, body, daysAgo] of r.replies) {
      const replier = member(who);
      const replyId = newId();
      await trx
        .insertInto('feedback_items')
        .values({
          id: replyId,
          group_id: input.groupId,
          parent_id: id,
          enrolment_id: replier.enrolmentId,
          author_id: replier.participantId,
          body,
          moderation_status: 'published',
          created_at: at(daysAgo),
        })
        .execute();
      await log('feedback_request', replyId, replier, at(daysAgo));
    }
  }
}
