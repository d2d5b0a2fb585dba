import { describe, expect, it } from 'vitest';
import { OrderedStream } from './ordered-stream.js';

const item = (seq: number) => ({ seq });

describe('OrderedStream', () => {
  it('holds events until started, then releases only what is after the start', () => {
    const out: number[] = [];
    const stream = new OrderedStream<{ seq: number }>((i) => out.push(i.seq));
    stream.push(item(4));
    stream.push(item(6));
    stream.push(item(5));
    expect(out).toEqual([]);
    stream.start(4);
    expect(out).toEqual([5, 6]);
  });

  it('puts out-of-order events back in order and drops duplicates', () => {
    const out: number[] = [];
    const stream = new OrderedStream<{ seq: number }>((i) => out.push(i.seq));
    stream.start(0);
    stream.push(item(2));
    expect(stream.hasGap).toBe(true);
    stream.push(item(1));
    stream.push(item(2));
    stream.push(item(1));
    stream.push(item(3));
    expect(out).toEqual([1, 2, 3]);
    expect(stream.hasGap).toBe(false);
  });

  it('fills a gap from a database read, skipping positions overwritten by later changes', () => {
    const out: number[] = [];
    const stream = new OrderedStream<{ seq: number }>((i) => out.push(i.seq));
    stream.start(10);
    stream.push(item(14));
    expect(out).toEqual([]);
    // Positions 11 and 12 were lost; 13 no longer exists (that post changed again at 14).
    stream.catchUp([item(11), item(12), item(14)]);
    stream.push(item(15));
    expect(out).toEqual([11, 12, 14, 15]);
    expect(stream.lastSeq).toBe(15);
  });
});
