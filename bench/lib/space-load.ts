import WebSocket from 'ws';
import { percentile } from './stats.js';

/** One member's socket in the load: which group it is in and the session cookie to open it with. */
export interface SpaceMember {
  userId: string;
  groupId: string;
  cookie: string;
  /** Which server (index into the URLs) this member connects to. */
  server: number;
}

export interface SpaceLoadSettings {
  messagesPerSecond: number;
  /** Seconds of messages first whose latency is not recorded (pools, JIT, caches warm up); they are still counted for loss. */
  warmupS: number;
  durationS: number;
  /** After the last message, how long to wait for deliveries still on their way. */
  drainMs: number;
}

/** What happened to every message: each must reach every subscribed member of its group exactly once. */
export interface SpaceLoadFigures {
  /** Messages measured (after the warm-up). */
  sent: number;
  warmupMessages: number;
  acked: number;
  errorFrames: Record<string, number>;
  expectedDeliveries: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** From sending to receipt, every delivery, sorted ascending (ms). */
  latencies: number[];
  /** From sending to the sender's acknowledgement (stored and committed), p50 and p99 (ms). */
  ackP50Ms: number;
  ackP99Ms: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  connectS: number;
  durationS: number;
}

const MESSAGE = /^Bench message (\d+):/;

/**
 * Opens a socket per member, subscribes each to its group, then posts `messagesPerSecond`
 * messages for `durationS` seconds, senders taking turns across all members (so no one passes
 * the per-member rate limit), and counts every delivery per member and message.
 */
export async function runSpaceLoad(urls: readonly string[], members: readonly SpaceMember[], settings: SpaceLoadSettings): Promise<SpaceLoadFigures> {
  const connectStarted = performance.now();
  const sentAt = new Map<number, number>();
  const messageGroup = new Map<number, string>();
  const received = new Map<number, Map<number, number>>(); // message → member index → copies
  const latencies: number[] = [];
  const ackLatencies: number[] = [];
  const errorFrames: Record<string, number> = {};
  let acked = 0;
  const sockets: WebSocket[] = [];
  const warmCount = Math.round(settings.messagesPerSecond * settings.warmupS);
  try {
    // Open in batches: a thousand simultaneous upgrades would measure the accept queue, not Hearth.
    for (let start = 0; start < members.length; start += 50) {
      const batch = members.slice(start, start + 50).map((member, offset) => openMember(urls[member.server]!, member, start + offset));
      sockets.push(...(await Promise.all(batch)));
    }
    const connectS = (performance.now() - connectStarted) / 1000;

    function openMember(url: string, member: SpaceMember, index: number): Promise<WebSocket> {
      return new Promise((resolve, reject) => {
        const ws = new WebSocket(url, { headers: { cookie: member.cookie } });
        const timer = setTimeout(() => reject(new Error(`member ${index} did not subscribe within 30 s`)), 30_000);
        ws.on('message', (data) => {
          const frame = JSON.parse(String(data)) as { type: string; code?: string; groupId?: string; clientId?: string; post?: { body: string } };
          if (frame.type === 'ready') ws.send(JSON.stringify({ type: 'subscribe', groupId: member.groupId, afterSeq: 0 }));
          else if (frame.type === 'subscribed') {
            clearTimeout(timer);
            resolve(ws);
          } else if (frame.type === 'post' && frame.post) {
            const match = MESSAGE.exec(frame.post.body);
            if (!match) return;
            const n = Number(match[1]);
            const copies = received.get(n) ?? new Map<number, number>();
            copies.set(index, (copies.get(index) ?? 0) + 1);
            received.set(n, copies);
            const at = sentAt.get(n);
            if (at !== undefined && n >= warmCount && copies.get(index) === 1) latencies.push(performance.now() - at);
          } else if (frame.type === 'ack') {
            acked += 1;
            const n = Number(frame.clientId?.replace('bench-', ''));
            const at = sentAt.get(n);
            if (at !== undefined && n >= warmCount) ackLatencies.push(performance.now() - at);
          } else if (frame.type === 'error') errorFrames[frame.code ?? 'unknown'] = (errorFrames[frame.code ?? 'unknown'] ?? 0) + 1;
        });
        ws.once('error', reject);
        ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      });
    }

    const byGroup = new Map<string, number[]>();
    members.forEach((m, i) => byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), i]));
    const groups = [...byGroup.values()];
    const total = warmCount + Math.round(settings.messagesPerSecond * settings.durationS);
    let started = performance.now();
    const warmStarted = started;
    for (let n = 0; n < total; n++) {
      // Paced against the clock, not by sleeping a fixed step, so slow ticks do not lower the rate.
      const due = warmStarted + (n * 1000) / settings.messagesPerSecond;
      if (n === warmCount) started = performance.now();
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      // Groups take turns, and within a group its members do: each member sends once per (groups × members) messages.
      const group = groups[n % groups.length]!;
      const index = group[Math.floor(n / groups.length) % group.length]!;
      const member = members[index]!;
      sentAt.set(n, performance.now());
      messageGroup.set(n, member.groupId);
      sockets[index]!.send(
        JSON.stringify({ type: 'post', groupId: member.groupId, thread: 'chat', clientId: `bench-${n}`, text: `Bench message ${n}: a short note about how the week went.` }),
      );
    }
    const durationS = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, settings.drainMs));

    let expected = 0;
    let delivered = 0;
    let lost = 0;
    let duplicated = 0;
    for (let n = 0; n < total; n++) {
      const copies = received.get(n);
      for (const i of byGroup.get(messageGroup.get(n)!) ?? []) {
        expected += 1;
        const c = copies?.get(i) ?? 0;
        if (c === 0) lost += 1;
        else delivered += 1;
        if (c > 1) duplicated += c - 1;
      }
    }
    latencies.sort((a, b) => a - b);
    ackLatencies.sort((a, b) => a - b);
    return {
      sent: total - warmCount,
      warmupMessages: warmCount,
      acked,
      errorFrames,
      expectedDeliveries: expected,
      delivered,
      lost,
      duplicated,
      latencies,
      ackP50Ms: percentile(ackLatencies, 50),
      ackP99Ms: percentile(ackLatencies, 99),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.at(-1) ?? 0,
      connectS,
      durationS,
    };
  } finally {
    for (const ws of sockets) ws.terminate();
  }
}
