import type { PhraseAction } from './api';

export const actionLabel: Record<PhraseAction, string> = {
  block: 'Block: refuse to send',
  hold: 'Hold: a facilitator reads it first',
  flag: 'Flag: publish, and show facilitators',
  redact: 'Redact: replace the phrase',
};

export const actionShort: Record<PhraseAction, string> = { block: 'Block', hold: 'Hold', flag: 'Flag', redact: 'Redact' };
export const actionPast: Record<PhraseAction, string> = { block: 'blocked', hold: 'held', flag: 'flagged', redact: 'redacted' };
export const actionColor: Record<PhraseAction, string> = { block: 'red', hold: 'orange', flag: 'yellow', redact: 'grape' };

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** What a log action means to the author. */
export function logActionText(action: string): string {
  switch (action) {
    case 'held':
      return 'Waiting for a facilitator';
    case 'published':
    case 'flagged':
      return 'Published';
    case 'approved':
      return 'Approved by a facilitator';
    case 'rejected':
      return 'Not published';
    case 'removed':
      return 'Removed';
    default:
      return action.replace(/_/g, ' ');
  }
}

export const statusLabel: Record<string, string> = { held: 'Waiting for a facilitator', published: 'Published', rejected: 'Not published', removed: 'Removed' };
export const statusColor: Record<string, string> = { held: 'orange', published: 'green', rejected: 'gray', removed: 'gray' };
