import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { ServerFrame } from '../../shared/schemas/space';
import type { SpaceUnread } from '../../shared/schemas/space';
import { alertKeys } from '../alerts/api';
import { participantKeys } from '../participant/api';
import { spaceKeys } from './api';
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

/** Refetches `queryKey` (a module constant, so it keeps its identity) whenever a frame of `type` arrives. */
function useRefreshOnFrame(type: ServerFrame['type'], queryKey: readonly string[], enabled: boolean): void {
  const client = useQueryClient();
  const listener = useCallback(
    (frame: ServerFrame) => {
      if (frame.type === type) void client.invalidateQueries({ queryKey });
    },
    [client, type, queryKey],
  );
  useRealtime(listener, enabled);
}

/** For clinicians: the alert queue and the navigation badge refresh the moment an alert is raised or changes. */
export function useLiveAlerts(enabled: boolean): void {
  useRefreshOnFrame('alert', alertKeys.all, enabled);
}

/** The notification bell updates the moment something new arrives for me (the socket carries no content). */
export function useLiveNotifications(enabled: boolean): void {
  useRefreshOnFrame('notification', participantKeys.notifications, enabled);
}

/** The menu badge and the home card: my unread count in a space is set the moment a post changes it (the 'unread' frame carries the count, nothing else). */
export function useLiveUnread(enabled: boolean): void {
  const client = useQueryClient();
  const listener = useCallback(
    (frame: ServerFrame) => {
      if (frame.type !== 'unread') return;
      const current = client.getQueryData<SpaceUnread>(spaceKeys.mySpaces);
      // A space the list does not know yet (just joined): fetch the list.
      if (!current?.spaces.some((s) => s.groupId === frame.groupId)) return void client.invalidateQueries({ queryKey: spaceKeys.mySpaces });
      client.setQueryData<SpaceUnread>(spaceKeys.mySpaces, { spaces: current.spaces.map((s) => (s.groupId === frame.groupId ? { ...s, unread: frame.unread } : s)) });
    },
    [client],
  );
  useRealtime(listener, enabled);
}
