/** Hearth's clock. Tests move it to check timeouts; everything else reads it through `now()`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** ISO-8601 UTC string, the one timestamp format stored in both databases. */
export function iso(date: Date): string {
  return date.toISOString();
}
