import type { AlertOutcome, AlertTier, ClinicalAlert } from './api';

/** "45 min", "2 h 5 min", "3 days 4 h": a duration as a clinician glances at it. */
export function formatMinutes(total: number): string {
  const minutes = Math.max(0, Math.round(total));
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} ${days === 1 ? 'day' : 'days'}${hours ? ` ${hours} h` : ''}`;
  return `${hours} h${rest ? ` ${rest} min` : ''}`;
}

export interface AlertTiming {
  /** "Raised 25 min ago". */
  raised: string;
  /** "Target: acknowledge within 1 h (35 min left)", "Overdue by 10 min (target 1 h)", "Acknowledged after 12 min". */
  target: string;
  overdue: boolean;
}

/** Time since an alert was raised, against its acknowledgement target. */
export function alertTiming(alert: ClinicalAlert, targetMinutes: number, now: number): AlertTiming {
  const age = (now - Date.parse(alert.createdAt)) / 60_000;
  const raised = age < 1 ? 'Raised just now' : `Raised ${formatMinutes(age)} ago`;
  const target = formatMinutes(targetMinutes);
  if (alert.responseMinutes !== null) {
    const late = alert.responseMinutes > targetMinutes;
    return { raised, target: `Acknowledged after ${formatMinutes(alert.responseMinutes)} (target ${target})${late ? ', later than the target' : ''}`, overdue: false };
  }
  const left = (Date.parse(alert.ackDueAt) - now) / 60_000;
  const overdue = alert.overdue || left <= 0;
  return {
    raised,
    target: overdue ? `Overdue by ${formatMinutes(-left)} (target ${target})` : `Acknowledge within ${target}: ${formatMinutes(left)} left`,
    overdue,
  };
}

/** "The oldest was raised 25 min ago: overdue by 10 min (target 15 min)", for the oldest unacknowledged alert. */
export function oldestTiming(oldest: { createdAt: string; ackDueAt: string }, now: number): { text: string; overdue: boolean } {
  const age = (now - Date.parse(oldest.createdAt)) / 60_000;
  const target = formatMinutes((Date.parse(oldest.ackDueAt) - Date.parse(oldest.createdAt)) / 60_000);
  const left = (Date.parse(oldest.ackDueAt) - now) / 60_000;
  const raised = age < 1 ? 'The oldest was raised just now' : `The oldest was raised ${formatMinutes(age)} ago`;
  return left <= 0
    ? { text: `${raised}: overdue by ${formatMinutes(-left)} (target ${target}).`, overdue: true }
    : { text: `${raised}: acknowledge within ${target}, ${formatMinutes(left)} left.`, overdue: false };
}

export const tierLabel: Record<AlertTier, string> = { urgent: 'Urgent', concern: 'Concern' };
export const tierColor: Record<AlertTier, string> = { urgent: 'red', concern: 'orange' };

export const outcomeLabel: Record<AlertOutcome, string> = {
  check_in_done: 'Check-in done',
  safety_plan_reviewed: 'Safety plan reviewed',
  escalated: 'Escalated',
  false_positive: 'False positive',
};

export const outcomeHelp: Record<AlertOutcome, string> = {
  check_in_done: 'You or a colleague spoke with them and no further action is needed now.',
  safety_plan_reviewed: 'Their safety plan was reviewed with them.',
  escalated: 'Passed to the crisis team, duty clinician or emergency services.',
  false_positive: 'On checking, there was no risk (for example a misread answer). Counted to improve detection.',
};

/** Plain names for the kinds of alert the server raises. */
export function kindLabel(kind: string): string {
  switch (kind) {
    case 'measure_item':
      return 'Questionnaire answer';
    case 'reliable_deterioration':
      return 'Reliable deterioration';
    case 'not_improving':
      return 'Not improving';
    case 'risk_language':
      return 'Risk language';
    case 'held_post':
      return 'Held post (watched phrase)';
    case 'flagged_post':
      return 'Flagged post (watched phrase)';
    case 'isolation':
      return 'Isolation risk';
    case 'attendance_absences':
      return 'Missed sessions: reach out';
    default:
      return kind.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  }
}

/** "3 messages", "2 answers": what a folded alert stands for, or null for a single item. */
export function sourceCountLabel(alert: Pick<ClinicalAlert, 'kind' | 'sourceCount'>): string | null {
  if (alert.sourceCount < 2) return null;
  return alert.kind === 'risk_language' ? `${alert.sourceCount} messages` : `${alert.sourceCount} items`;
}

/** "Meadow (Grace Liu)": the name in the group first, as facilitators know them in the room. */
export function participantName(alert: Pick<ClinicalAlert, 'participant'>): string {
  const { pseudonym, displayName } = alert.participant;
  return pseudonym ? `${pseudonym} (${displayName})` : displayName;
}
