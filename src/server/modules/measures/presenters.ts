import type { MeasureTrigger } from '../../db/schema.js';

/** A measure schedule as the API shows it: set on the group itself or inherited from its programme. */
export function presentSchedule(r: { id: string; instrument_code: string; trigger: MeasureTrigger; every_n: number | null; group_id: string | null }) {
  return { id: r.id, instrumentCode: r.instrument_code, trigger: r.trigger, everyN: r.every_n, scope: r.group_id ? ('group' as const) : ('programme' as const) };
}
