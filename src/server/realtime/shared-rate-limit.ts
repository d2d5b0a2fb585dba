import { sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';

/**
 * A token bucket per key kept in the database (`rate_buckets`), so a member's limit holds
 * however many instances their sockets and requests reach: `burst` tokens to start, refilled at
 * `perSecond`. One statement per take — an upsert that refills, spends and refuses at once — so
 * concurrent takes on PostgreSQL queue on the row and none is counted twice.
 */
export class SharedTokenBuckets {
  constructor(
    private readonly db: DbOrTx,
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty (the caller refuses the action). */
  async take(key: string): Promise<boolean> {
    const now = this.now();
    const burst = sql.lit(this.burst);
    // Integers and reals written as literals: both dialects then do the same arithmetic.
    const refilled = sql`(case when rate_buckets.tokens + (${sql.lit(now)} - rate_buckets.at_ms) * ${sql.lit(this.perSecond)} / 1000.0 > ${burst}
      then ${burst} else rate_buckets.tokens + (${sql.lit(now)} - rate_buckets.at_ms) * ${sql.lit(this.perSecond)} / 1000.0 end)`;
    const result = await sql<{ tokens: number }>`
      insert into rate_buckets (key, tokens, at_ms) values (${key}, ${sql.lit(this.burst - 1)}, ${sql.lit(now)})
      on conflict (key) do update set tokens = ${refilled} - 1, at_ms = ${sql.lit(now)}
      where ${refilled} >= 1
      returning tokens`.execute(this.db);
    return result.rows.length === 1;
  }

  /** Refills every bucket (tests start each case from a full burst). */
  async reset(): Promise<void> {
    await this.db.deleteFrom('rate_buckets').execute();
  }
}
