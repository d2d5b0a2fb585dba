import type { SafetyPlanSections } from '../../shared/schemas/safety-plans';

export type LineSection = 'warningSigns' | 'copingSteps' | 'distractions' | 'safeEnvironment' | 'reasonsForLiving';
export type ContactSection = 'helpContacts' | 'professionals';

interface SectionCopy<K extends keyof SafetyPlanSections> {
  key: K;
  /** The heading, in the person's voice. */
  title: string;
  hint: string;
  /** What "add" says, and the placeholder of a new line. */
  add: string;
  example: string;
}

/** The steps of the plan in the order they are used (Stanley–Brown safety planning). */
export const SECTIONS: readonly (SectionCopy<LineSection> | SectionCopy<ContactSection>)[] = [
  {
    key: 'warningSigns',
    title: 'My warning signs',
    hint: 'Thoughts, feelings or situations that tell me a crisis may be coming.',
    add: 'Add a warning sign',
    example: 'e.g. I stop answering messages',
  },
  {
    key: 'copingSteps',
    title: 'Things I can do on my own',
    hint: 'What helps me take my mind off things, without contacting anyone.',
    add: 'Add something that helps',
    example: 'e.g. box breathing, a walk round the block',
  },
  {
    key: 'distractions',
    title: 'People and places that take my mind off things',
    hint: 'Where I can go, who I can be with, without talking about how I feel.',
    add: 'Add a person or place',
    example: 'e.g. the library café',
  },
  {
    key: 'helpContacts',
    title: 'People I can ask for help',
    hint: 'Friends or family I can tell that I am struggling. Only you and your care team see this.',
    add: 'Add a person',
    example: 'e.g. my sister Jo',
  },
  {
    key: 'professionals',
    title: 'Professionals and crisis lines',
    hint: 'My care team, my GP, out-of-hours and crisis services.',
    add: 'Add a service',
    example: 'e.g. community mental health team',
  },
  {
    key: 'safeEnvironment',
    title: 'Making my surroundings safer',
    hint: 'What I can do, or ask someone to do, to keep things I could hurt myself with away.',
    add: 'Add a step',
    example: 'e.g. ask Jo to keep my tablets',
  },
  {
    key: 'reasonsForLiving',
    title: 'What matters to me',
    hint: 'Optional: my reasons for living, the people and things worth staying for.',
    add: 'Add something that matters',
    example: 'e.g. my cat, seeing my niece grow up',
  },
];

export function isContactSection(key: keyof SafetyPlanSections): key is ContactSection {
  return key === 'helpContacts' || key === 'professionals';
}
