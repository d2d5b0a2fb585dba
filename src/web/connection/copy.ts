import type { ConnectionKind, ConnectionWindow } from '../../shared/schemas/connection';

export const WINDOW_LABEL: Record<ConnectionWindow, string> = { '2w': '2 weeks', '4w': '4 weeks', '8w': '8 weeks', all: 'Whole group' };

const KIND_WORDS: Record<ConnectionKind, [string, string]> = {
  appreciation: ['appreciation', 'appreciations'],
  helped: ['“helped” mark', '“helped” marks'],
  reaction: ['reaction', 'reactions'],
  reply: ['reply', 'replies'],
  feedback: ['feedback reply', 'feedback replies'],
};

/** "2 appreciations, 1 reply" — the acts behind a tie. */
export function describeKinds(kinds: Record<ConnectionKind, number>): string {
  return (Object.keys(KIND_WORDS) as ConnectionKind[])
    .filter((k) => kinds[k] > 0)
    .map((k) => `${kinds[k]} ${KIND_WORDS[k][kinds[k] === 1 ? 0 : 1]}`)
    .join(', ');
}

/** A share as a whole percentage, or a dash when there is nothing to share out. */
export function percent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)} %`;
}

/** Sub-group colours: distinct, and dark enough for a white name on them to be read. */
export const SUBGROUP_COLORS = ['#1c7ed6', '#2b8a3e', '#862e9c', '#c2255c', '#5f3dc4', '#0b7285'];
