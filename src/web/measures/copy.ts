import type { ChangeCategory, Trajectory } from './api';

/** Why a questionnaire was asked, in the participant's words (server reasons: due.ts). */
export function reasonLabel(reason: string): string {
  if (reason === 'enrolment') return 'Asked when you joined your group';
  if (reason === 'completion') return 'Asked as you finish your group';
  const after = /^after-session:(\d+)$/.exec(reason);
  if (after) return `Asked after session ${after[1]}`;
  if (reason.startsWith('session-start:')) return "Asked before today's session";
  return 'Asked by your care team';
}

/** A signed number with a real minus sign: "−7", "+6", "0"; one decimal when needed. */
export function signed(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Math.abs(rounded).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

export const changeLabel: Record<ChangeCategory, string> = {
  reliable_improvement: 'Reliable improvement',
  reliable_deterioration: 'Reliable deterioration',
  no_reliable_change: 'No reliable change',
};

export const changeColor: Record<ChangeCategory, string> = {
  reliable_improvement: 'green',
  reliable_deterioration: 'red',
  no_reliable_change: 'gray',
};

/** "Reliable improvement: −7 (threshold 6)"; without a threshold, just the change. */
export function changeSentence(change: NonNullable<Trajectory['change']>): string {
  const threshold = change.threshold === null ? '' : ` (threshold ${formatScore(change.threshold)})`;
  const label = change.threshold === null ? 'Change since the first answer' : changeLabel[change.category];
  return `${label}: ${signed(change.change)}${threshold}`;
}

/** A score as people read it: whole numbers plain, others with one or two decimals. */
export function formatScore(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** The band a score falls in ("Moderate"), for the accessible table when the server gave none. */
export function bandOf(bands: Trajectory['bands'], total: number): string | null {
  return bands.find((b) => total >= b.min && total <= b.max)?.label ?? null;
}
