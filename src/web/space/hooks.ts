import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ServerFrame } from '../../shared/schemas/space';
import { realtime, type ConnectionState } from './realtime';

/** Listens to socket frames while mounted (and keeps the socket open). */
export function useRealtime(listener: (frame: ServerFrame) => void, enabled = true): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const release = realtime.retain();
    const off = realtime.on(listener);
    return () => {
      off();
      release();
    };
  }, [listener, enabled]);
}

/** The socket's state, for a "reconnecting…" notice. */
export function useConnectionState(): ConnectionState {
  const [state, setState] = useState<ConnectionState>(realtime.state);
  useEffect(() => realtime.onState(setState), []);
  return state;
}

/** For clinicians: the alert queue and the navigation badge refresh the moment an alert is raised or changes. */
export function useLiveAlerts(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    const release = realtime.retain();
    const off = realtime.on((frame) => {
      if (frame.type === 'alert') void client.invalidateQueries({ queryKey: ['alerts'] });
    });
    return () => {
      off();
      release();
    };
  }, [client, enabled]);
}

/** The notification bell updates the moment something new arrives for me (the socket carries no content). */
export function useLiveNotifications(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    const release = realtime.retain();
    const off = realtime.on((frame) => {
      if (frame.type === 'notification') void client.invalidateQueries({ queryKey: ['me', 'notifications'] });
    });
    return () => {
      off();
      release();
    };
  }, [client, enabled]);
}
