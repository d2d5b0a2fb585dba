/**
 * A small seeded pseudo-random generator (mulberry32) for property tests and the scoring benchmark:
 * the same seed gives the same sequence on every machine, so a failing case can be replayed.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(values: readonly T[]): T;
  /** true with probability p. */
  chance(p: number): boolean;
}

/** A generator whose sequence is fixed by `seed`. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(values: readonly T[]): T => {
      if (values.length === 0) throw new RangeError('pick needs at least one value.');
      return values[Math.floor(next() * values.length)] as T;
    },
    chance: (p) => next() < p,
  };
}
