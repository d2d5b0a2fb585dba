/**
 * Puts a group's events back in sequence order. Each committed stream position produces one
 * event, but two instances (or a publish after commit) can deliver them out of order, and a
 * broker reconnect can lose some. Events are released only when contiguous; a gap that does not
 * fill is reported so the caller reads the missing part from the database (`catchUp`).
 */
export class OrderedStream<T extends { seq: number }> {
  private last: number | null = null;
  private readonly pending = new Map<number, T>();

  constructor(private readonly emit: (item: T) => void) {}

  /** The last position released, or null before `start`. */
  get lastSeq(): number | null {
    return this.last;
  }

  /** True while events wait behind a missing position. */
  get hasGap(): boolean {
    return this.pending.size > 0;
  }

  /** Starts releasing after `lastSeq` (everything up to it is already in the database). */
  start(lastSeq: number): void {
    this.last = lastSeq;
    this.drain();
  }

  push(item: T): void {
    if (this.last !== null && item.seq <= this.last) return;
    this.pending.set(item.seq, item);
    this.drain();
  }

  /**
   * Releases what was read from the database after `lastSeq`, in order. Positions missing from
   * the read were overwritten by later changes of the same post, so the read's highest position
   * is where the stream now stands.
   */
  catchUp(items: readonly T[]): void {
    for (const item of items) {
      if (this.last !== null && item.seq <= this.last) continue;
      this.emit(item);
      this.last = item.seq;
    }
    if (this.last !== null) {
      for (const seq of this.pending.keys()) if (seq <= this.last) this.pending.delete(seq);
    }
    this.drain();
  }

  private drain(): void {
    if (this.last === null) return;
    for (const seq of this.pending.keys()) if (seq <= this.last) this.pending.delete(seq);
    let next = this.pending.get(this.last + 1);
    while (next) {
      this.pending.delete(next.seq);
      this.emit(next);
      this.last = next.seq;
      next = this.pending.get(this.last + 1);
    }
  }
}
