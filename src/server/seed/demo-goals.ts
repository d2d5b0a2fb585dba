import type { Transaction } from 'kysely';
import type { DB, GoalProgress, SupportiveReaction } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import type { ContentKind } from '../modules/moderation/kinds.js';
import { POWER_OF_CONNECTION } from '../modules/programmes/power-of-connection.js';
import { daysBefore, logPublished, memberFinder, type DemoMember } from './demo-members.js';

interface DemoGoal {
  by: string;
  daysAgo: number;
  area: string;
  action: string;
  frequency: string;
  weeksAhead: number;
  support: string;
  visibility: 'private' | 'clinicians' | 'group';
  /** Steps; `reached` = days ago, `celebrate` = the card's detail and who cheered. */
  steps: { title: string; reached?: number; note?: string; celebrate?: { detail: 'reached' | 'title' | 'title_note'; note?: string; reactions: [string, SupportiveReaction][] } }[];
  checkins: [number, GoalProgress, string][];
}

const GOALS: DemoGoal[] = [
  {
    by: 'Willow',
    daysAgo: 28,
    area: 'connection',
    action: 'Join the Saturday walking group in the park',
    frequency: 'Once a week',
    weeksAhead: 6,
    support: 'A reminder from the group on Fridays would help.',
    visibility: 'group',
    steps: [
      { title: 'Find out when and where they meet', reached: 20 },
      {
        title: 'Go once and stay for the first half',
        reached: 6,
        note: 'Talked to one person about dogs.',
        celebrate: {
          detail: 'title_note',
          note: 'I was so nervous, and it was fine!',
          reactions: [
            ['Harbour', 'clap'],
            ['Juniper', 'heart'],
            ['Skylark', 'proud'],
            ['Cedar', 'clap'],
          ],
        },
      },
      { title: 'Walk the whole route with them' },
    ],
    checkins: [
      [21, 'not_yet', 'Looked it up but did not go.'],
      [14, 'some', 'Walked to the park gate, then went home. That still counts.'],
      [6, 'most', 'Went and stayed for half!'],
    ],
  },
  {
    by: 'Harbour',
    daysAgo: 20,
    area: 'wellbeing',
    action: 'Do box breathing before phone calls',
    frequency: 'Before every call',
    weeksAhead: 4,
    support: 'My clinician checking in on how it goes.',
    visibility: 'clinicians',
    steps: [{ title: 'Practise it at home three times', reached: 12 }, { title: 'Use it before calling the GP' }],
    checkins: [[10, 'some', 'Remembered twice out of four calls.']],
  },
  {
    by: 'Juniper',
    daysAgo: 15,
    area: 'activity',
    action: 'Take the baby to the Tuesday parent café',
    frequency: 'Every Tuesday',
    weeksAhead: 5,
    support: '',
    visibility: 'group',
    steps: [
      {
        title: 'Go once',
        reached: 3,
        celebrate: {
          detail: 'reached',
          reactions: [
            ['Willow', 'growing'],
            ['Ember', 'heart'],
            ['Skylark', 'proud'],
          ],
        },
      },
      { title: 'Say hello to another parent' },
    ],
    checkins: [[3, 'some', 'Went! Sat near the door.']],
  },
  {
    by: 'Skylark',
    daysAgo: 9,
    area: 'daily_life',
    action: 'Get up by 9 and open the curtains',
    frequency: 'Every weekday',
    weeksAhead: 3,
    support: '',
    visibility: 'private',
    steps: [{ title: 'Set an alarm across the room', reached: 8 }],
    checkins: [[2, 'most', 'Four days out of five.']],
  },
];

const PRACTICE: { by: string; daysAgo: number; session: number; situation: string; tried: string; rating: number; shared?: [string, SupportiveReaction][] }[] = [
  {
    by: 'Willow',
    daysAgo: 16,
    session: 4,
    situation: 'My flatmate left dishes again.',
    tried: 'Said “I feel stressed when the sink is full; could we take turns?”',
    rating: 4,
    shared: [
      ['Cedar', 'clap'],
      ['Pebble', 'growing'],
    ],
  },
  { by: 'Cedar', daysAgo: 10, session: 3, situation: 'A low Sunday.', tried: 'Tried Willow’s box breathing before ringing my brother.', rating: 3 },
  { by: 'Harbour', daysAgo: 5, session: 5, situation: 'My sister talked about her week.', tried: 'Listened without fixing; reflected back what I heard.', rating: 2 },
];

const JOURNAL: { by: string; daysAgo: number; session: number; prompt: number | null; body: string; shared?: boolean }[] = [
  { by: 'Willow', daysAgo: 40, session: 1, prompt: 1, body: 'When Harbour talked about dreading the phone, I felt it in my own chest. I did not expect that.' },
  { by: 'Willow', daysAgo: 12, session: 3, prompt: 1, body: 'What gets in the way: I tell myself nobody would notice if I did not turn up. The group noticed.', shared: true },
  { by: 'Willow', daysAgo: 2, session: 5, prompt: null, body: 'A good week. Tired, but a good tired.' },
  { by: 'Harbour', daysAgo: 6, session: 4, prompt: 0, body: 'Asking for what I need still feels like a risk.' },
];

/**
 * Goals with check-ins and steps (two celebrated in the group, with peers' reactions), skills
 * practice entries (one shared) and journal entries (one shared with the clinicians) for the
 * demo group. Shared items are published and logged as if a facilitator had seen them.
 */
export async function seedDemoGoals(trx: Transaction<DB>, input: { groupId: string; members: DemoMember[]; now: Date }): Promise<void> {
  const member = memberFinder(input.members);
  const at = daysBefore(input.now);
  const log = (kind: ContentKind, id: string, author: DemoMember, when: string) => logPublished(trx, input.groupId, kind, id, author, when);
  const react = async (kind: 'celebration' | 'skill_practice', targetId: string, reactions: [string, SupportiveReaction][], when: string) => {
    for (const [who, reaction] of reactions) {
      const m = member(who);
      await trx
        .insertInto('supportive_reactions')
        .values({ id: newId(), target_kind: kind, target_id: targetId, reactor_id: m.participantId, reactor_enrolment_id: m.enrolmentId, reaction, created_at: when })
        .execute();
    }
  };

  for (const g of GOALS) {
    const author = member(g.by);
    const id = newId();
    const shared = g.visibility === 'group';
    await trx
      .insertInto('goals')
      .values({
        id,
        participant_id: author.participantId,
        enrolment_id: author.enrolmentId,
        area: g.area,
        action: g.action,
        frequency: g.frequency,
        target_date: new Date(input.now.getTime() + g.weeksAhead * 7 * 86_400_000).toISOString().slice(0, 10),
        support_needed: g.support,
        visibility: g.visibility,
        shared_group_id: shared ? input.groupId : null,
        shared_enrolment_id: shared ? author.enrolmentId : null,
        moderation_status: shared ? 'published' : null,
        shared_at: shared ? at(g.daysAgo - 1) : null,
        status: 'active',
        created_at: at(g.daysAgo),
        updated_at: at(g.checkins.at(-1)?.[0] ?? g.daysAgo),
      })
      .execute();
    if (shared) await log('goal', id, author, at(g.daysAgo - 1));
    for (const [index, step] of g.steps.entries()) {
      const milestoneId = newId();
      await trx
        .insertInto('goal_milestones')
        .values({
          id: milestoneId,
          goal_id: id,
          position: index + 1,
          title: step.title,
          reached_at: step.reached !== undefined ? at(step.reached) : null,
          reached_note: step.note ?? null,
        })
        .execute();
      if (step.celebrate && step.reached !== undefined) {
        const cardId = newId();
        const c = step.celebrate;
        await trx
          .insertInto('celebrations')
          .values({
            id: cardId,
            goal_id: id,
            milestone_id: milestoneId,
            participant_id: author.participantId,
            enrolment_id: author.enrolmentId,
            group_id: input.groupId,
            detail: c.detail,
            title: c.detail === 'reached' ? null : step.title,
            note: c.detail === 'title_note' ? (c.note ?? null) : null,
            moderation_status: 'published',
            created_at: at(step.reached),
            withdrawn_at: null,
          })
          .execute();
        await log('celebration', cardId, author, at(step.reached));
        await react('celebration', cardId, c.reactions, at(step.reached - 0.5));
      }
    }
    for (const [days, progress, note] of g.checkins) {
      await trx
        .insertInto('goal_checkins')
        .values({ id: newId(), goal_id: id, progress, note, created_at: at(days) })
        .execute();
    }
  }

  for (const p of PRACTICE) {
    const author = member(p.by);
    const id = newId();
    const shared = p.shared !== undefined;
    await trx
      .insertInto('skill_practices')
      .values({
        id,
        participant_id: author.participantId,
        enrolment_id: author.enrolmentId,
        skill: POWER_OF_CONNECTION[p.session - 1]?.skillFocus ?? '',
        situation: p.situation,
        tried: p.tried,
        rating: p.rating,
        shared_group_id: shared ? input.groupId : null,
        shared_enrolment_id: shared ? author.enrolmentId : null,
        moderation_status: shared ? 'published' : null,
        shared_at: shared ? at(p.daysAgo) : null,
        created_at: at(p.daysAgo),
      })
      .execute();
    if (p.shared) {
      await log('skill_practice', id, author, at(p.daysAgo));
      await react('skill_practice', id, p.shared, at(p.daysAgo - 1));
    }
  }

  for (const j of JOURNAL) {
    const author = member(j.by);
    const prompt = j.prompt === null ? null : (POWER_OF_CONNECTION[j.session - 1]?.reflectionPrompts[j.prompt] ?? null);
    await trx
      .insertInto('journal_entries')
      .values({
        id: newId(),
        participant_id: author.participantId,
        prompt,
        body: j.body,
        shared_with_clinician_at: j.shared ? at(j.daysAgo - 0.5) : null,
        created_at: at(j.daysAgo),
        updated_at: at(j.daysAgo),
      })
      .execute();
  }
}
