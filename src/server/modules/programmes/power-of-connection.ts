/** One session plan of a curriculum. */
export interface SessionPlanContent {
  topic: string;
  skillFocus: string;
  exercises: string[];
  reflectionPrompts: string[];
}

/**
 * "The Power of Connection": a twelve-session curriculum written for Hearth. Each session has
 * a skill focus, exercises a facilitator can run in 60–90 minutes, and reflection prompts that
 * also seed members' journals between sessions.
 */
export const POWER_OF_CONNECTION: SessionPlanContent[] = [
  {
    topic: 'Belonging: you are not alone',
    skillFocus: 'Arriving and being present in a group',
    exercises: [
      'Go-round: your chosen group name, and one thing that helped you come today.',
      'Read the group agreement together; each member adds one thing they need to feel safe.',
      '"Common ground" cards: stand up (or raise a hand) if a statement is true for you — notice who else moves.',
      'Pairs: share one hope and one worry about joining the group.',
    ],
    reflectionPrompts: ['When did you last feel that someone understood you without much explanation?', 'What did you notice when others shared something you have felt too?'],
  },
  {
    topic: 'Sharing my story',
    skillFocus: 'Choosing what to share and how much',
    exercises: [
      'Timeline sketch: three moments that shaped how you connect with people (you choose which to share).',
      'Story in three sentences: then, now, and what I want next.',
      'Listeners reflect back one strength they heard — no advice.',
    ],
    reflectionPrompts: ['What was it like to choose what to share and what to keep private?', 'Which part of your story do you want others to understand better?'],
  },
  {
    topic: 'Exchanging coping strategies',
    skillFocus: 'Naming what helps and trying something new',
    exercises: [
      'Strategy swap: each member names one thing that helps on a hard day (when, and the steps).',
      'Group practice: box breathing (4-4-4-4) for three minutes, then a go-round on how it felt.',
      'Pick one strategy from a peer to try this week, and say when you will try it.',
    ],
    reflectionPrompts: ['Which strategy from someone else surprised you?', 'What usually gets in the way of using what helps you?'],
  },
  {
    topic: 'Communicating clearly',
    skillFocus: 'I-statements and asking for what you need',
    exercises: [
      'Turn "you always…" into "I feel… when… and I would like…" with three everyday examples.',
      'Role-play in threes: speaker, listener, observer — ask for something small and specific.',
      'Observer feedback: one thing that made the request clear.',
    ],
    reflectionPrompts: ['Where this week could an I-statement have changed how a conversation went?', 'What makes it hard for you to ask for what you need?'],
  },
  {
    topic: 'Listening',
    skillFocus: 'Reflective listening and validation',
    exercises: [
      'Two-minute listening: one speaks, the other only listens, then summarises without advice.',
      'Validation ladder: from "I hear you" to "that makes sense, given…" — practise each rung.',
      'Go-round: a time you felt truly listened to, and what the other person did.',
    ],
    reflectionPrompts: ['What was it like to be listened to without being fixed?', 'Who in your life could you listen to this way this week?'],
  },
  {
    topic: 'Navigating conflict',
    skillFocus: 'Staying connected through disagreement',
    exercises: [
      'Map a recent disagreement: what happened, what I felt, what I needed, what the other person may have needed.',
      'Practise "pause, name, ask": pause, name the feeling, ask a curious question.',
      'Role-play a low-stakes disagreement and repair it with the group’s coaching.',
    ],
    reflectionPrompts: ['How did conflict get handled in the family or places you grew up?', 'What would a good-enough repair look like in one of your relationships?'],
  },
  {
    topic: 'Boundaries',
    skillFocus: 'Saying no kindly and holding limits',
    exercises: [
      'Boundary scale: sort everyday situations into "easy to say no", "hard", "very hard".',
      'Scripted practice: "Thank you for asking. I can’t this time. What I can do is…"',
      'Pairs: practise holding a boundary when the other person pushes back gently.',
    ],
    reflectionPrompts: ['Where do you give more than you have?', 'What boundary would protect your wellbeing this week?'],
  },
  {
    topic: 'Giving and receiving feedback',
    skillFocus: 'Specific, kind, useful feedback',
    exercises: [
      'Feedback formula: "When you…, I noticed…, and it…" — practise with examples from the group.',
      'Appreciation round: each member receives one specific appreciation from a peer.',
      'Members who wish can ask the group for feedback on something they are working on.',
    ],
    reflectionPrompts: ['What is it like for you to receive praise? To receive a suggestion?', 'Whose feedback has helped you most, and why?'],
  },
  {
    topic: 'Stigma and self-compassion',
    skillFocus: 'Meeting the inner critic with kindness',
    exercises: [
      'Name the labels you have been given, and the ones you give yourself; which do you want to keep?',
      'Write to yourself as you would to a friend going through the same thing.',
      'Common humanity go-round: "Others who live with this also…"',
    ],
    reflectionPrompts: ['When does your inner critic speak loudest?', 'What would you say to a group member who judged themselves the way you judge yourself?'],
  },
  {
    topic: 'Goals and accountability',
    skillFocus: 'Setting small, SMART goals with support',
    exercises: [
      'Choose one area (connection, health, work, home) and shape a goal that is specific and small enough.',
      'Pairs become accountability partners: how often will you check in, and how?',
      'Plan for obstacles: "If … happens, then I will …"',
    ],
    reflectionPrompts: ['What would be different in a month if this goal went well?', 'What support would make it more likely?'],
  },
  {
    topic: 'Resilience and setbacks',
    skillFocus: 'Recovering from a hard week without giving up',
    exercises: [
      'Setback story: a time you got back on track — what helped? (The group names the strengths they hear.)',
      'Build a personal early-warning list and a first-step plan (links to your safety plan).',
      'Reframe practice: from "I failed" to "I learned… and next time I will…"',
    ],
    reflectionPrompts: ['What are your early signs that a hard patch is starting?', 'Who or what helps you get back up?'],
  },
  {
    topic: 'Celebrating and carrying connection forward',
    skillFocus: 'Recognising progress and planning ongoing connection',
    exercises: [
      'Progress gallery: each member shares one change they are proud of, however small.',
      'Appreciation circle: every member hears what they brought to the group.',
      'Connection plan: two people, one place and one activity that will keep you connected after the group.',
    ],
    reflectionPrompts: ['What will you take with you from this group?', 'How will you keep reaching out when things get hard?'],
  },
];

/** Version 1 of the group agreement for this programme. */
export const POWER_OF_CONNECTION_AGREEMENT = `Our group agreement

1. Confidentiality. What members share stays in the group. We may talk about what we learned, never about who said what. Facilitators break confidentiality only to keep someone safe, and will tell you when they do.
2. Respect. We listen without interrupting, speak from our own experience ("I…"), and accept that people see things differently.
3. No recording. No photos, audio or video of sessions or of the group space.
4. No contact pressure. Contact outside the group is a free choice. Nobody has to share contact details, and "no" is respected.
5. Pseudonyms. In the group space we use our chosen group names and do not post personal details such as phone numbers or addresses.
6. Safety. If you are worried about your own safety or someone else's, tell a facilitator or use your safety plan. In an emergency call your local emergency number.
7. What is monitored and by whom. The group's facilitators read the group space during staffed hours. Posts may be held for review, and messages that suggest someone is at risk alert the facilitators so they can check in. Nobody is punished for saying they are struggling.
8. Attendance. Let the facilitators know if you cannot come. If you miss two sessions in a row, a facilitator will check in with you.`;
