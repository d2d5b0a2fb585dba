import type { Transaction } from 'kysely';
import type { Config } from '../config/env.js';
import type { DB } from '../db/schema.js';
import { decideFlag } from '../modules/isolation/decide-flag.js';
import { refreshEarlyWarning } from '../modules/isolation/run-early-warning.js';
import { seedContext } from './seed-context.js';

const DAY_MS = 86_400_000;
/** Days of early-warning history the demo replays (the job itself runs today's when the server starts). */
const REPLAYED_DAYS = 21;

/**
 * The isolation early warning as it would have run on each of the last three weeks' days, over the
 * demo's own history: daily snapshots (the trend a flag shows) and the flags they raised. Cedar —
 * whose PHQ-9 rose and who then stopped coming — is the member who drifts: Ada reaches out the day
 * after Cedar is first flagged (the flag kept with her note, Cedar snoozed), and when the snooze
 * ends with Cedar still missing sessions, Cedar is flagged again.
 */
export async function seedDemoIsolation(trx: Transaction<DB>, input: { config: Config; groupId: string; leadId: string; drifting: string; now: Date }): Promise<void> {
  let reachedOut = false;
  for (let daysAgo = REPLAYED_DAYS; daysAgo >= 1; daysAgo -= 1) {
    const at = new Date(input.now.getTime() - daysAgo * DAY_MS);
    await refreshEarlyWarning(trx, at, input.groupId);
    if (reachedOut) continue;
    const flag = await trx.selectFrom('isolation_flags').select(['id', 'raised_at']).where('enrolment_id', '=', input.drifting).where('status', '=', 'open').executeTakeFirst();
    if (!flag || flag.raised_at === at.toISOString()) continue;
    await decideFlag(seedContext(trx, input.config, { id: input.leadId, role: 'clinician' }, new Date(at.getTime() + 2 * 3_600_000)), flag.id, {
      outcome: 'reached_out',
      note: 'Phoned Cedar: a hard month at work and sleeping badly. Agreed to talk after Tuesday’s session and to pair up for the next exercise.',
    });
    reachedOut = true;
  }
}
