import { EventEmitter } from 'node:events';
import type { RealtimeEvent } from './events.js';

export type EventHandler = (event: RealtimeEvent) => void;

/**
 * Fan-out between server instances: every subscriber on every instance hears what is published to
 * a channel. Publishing is not the broker's: it is the one path in realtime/publish.ts.
 */
export interface Broker {
  /** Returns the function that ends the subscription. */
  subscribe(channel: string, handler: EventHandler): () => void;
  /** Called after the broker lost and regained its link (events in between may be missed). */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

// One bus per process: with SQLite there is one instance, and channel names carry random ids, so
// several test apps in one process never hear each other.
const processBus = new EventEmitter();
processBus.setMaxListeners(0);

/** Delivers an event to this process's subscribers, after the current call stack (like a NOTIFY). */
export function deliverLocally(channel: string, event: RealtimeEvent): void {
  setImmediate(() => processBus.emit(channel, event));
}

/** The in-process broker: SQLite, a single instance. */
export function createInProcessBroker(): Broker {
  const unsubscribers = new Set<() => void>();
  return {
    subscribe(channel, handler) {
      processBus.on(channel, handler);
      const off = () => {
        processBus.off(channel, handler);
        unsubscribers.delete(off);
      };
      unsubscribers.add(off);
      return off;
    },
    onReconnect() {
      // Never disconnects.
    },
    async close() {
      for (const off of [...unsubscribers]) off();
    },
  };
}

/** Routes events of one physical stream to per-channel handlers (shared by the PostgreSQL broker). */
export class ChannelRouter {
  private readonly handlers = new Map<string, Set<EventHandler>>();

  add(channel: string, handler: EventHandler): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    return () => {
      const current = this.handlers.get(channel);
      current?.delete(handler);
      if (current?.size === 0) this.handlers.delete(channel);
    };
  }

  dispatch(channel: string, event: RealtimeEvent): void {
    for (const handler of this.handlers.get(channel) ?? []) {
      try {
        handler(event);
      } catch {
        // One failing subscriber must not starve the others.
      }
    }
  }
}
