import type { Goal, SupportiveReaction } from './api';

export const AREA_LABELS: Record<Goal['area'], string> = {
  connection: 'Connecting with people',
  wellbeing: 'Looking after myself',
  daily_life: 'Daily life and routines',
  activity: 'Activity and getting out',
  work_study: 'Work, study or volunteering',
  other: 'Something else',
};

export const PROGRESS_LABELS: Record<Goal['checkins'][number]['progress'], string> = {
  not_yet: 'Not yet',
  some: 'Some of it',
  most: 'Most of it',
  done: 'Done it',
};

export const VISIBILITY_LABELS: Record<Goal['visibility'], string> = {
  private: 'Only me',
  clinicians: 'My clinicians',
  group: 'My group',
};

/** The supportive reactions, in a fixed order (never sorted by how many). */
export const REACTIONS: { reaction: SupportiveReaction; emoji: string; label: string }[] = [
  { reaction: 'clap', emoji: '👏', label: 'Well done' },
  { reaction: 'heart', emoji: '💛', label: 'Warmth' },
  { reaction: 'growing', emoji: '🌱', label: 'Growing' },
  { reaction: 'proud', emoji: '🙌', label: 'Proud of you' },
];

export const MODERATION_TEXT: Record<'held' | 'rejected' | 'removed', string> = {
  held: 'Waiting for a facilitator to read it',
  rejected: 'Not shared by the facilitators',
  removed: 'Taken down',
};
