import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { attendanceBodySchema } from '../../shared/schemas/sessions';
import { api } from '../api/client';
import type { AttendanceStatus, SessionDetail } from '../api/types';
import { useInvalidateGroup } from '../groups/api';

const enc = encodeURIComponent;

/** Query keys of sessions: `detail(id)` is the root of everything about one session (its note adds to it). */
export const sessionKeys = {
  all: ['group-sessions'] as const,
  detail: (sessionId: string) => ['group-sessions', sessionId] as const,
};

export function useSessionDetail(sessionId: string) {
  return useQuery({
    queryKey: sessionKeys.detail(sessionId),
    queryFn: () => api<SessionDetail>('GET', `/group-sessions/${enc(sessionId)}`),
  });
}

/** One member whose attendance differs from everyone's (POST …/attendance). */
export type AttendanceException = NonNullable<z.input<typeof attendanceBodySchema>['exceptions']>[number];

export function useRecordAttendance(sessionId: string, groupId: string) {
  const invalidate = useInvalidateGroup();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (exceptions: AttendanceException[]) => api<void>('PUT', `/group-sessions/${enc(sessionId)}/attendance`, { everyone: 'present', exceptions }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: sessionKeys.detail(sessionId) });
      await invalidate(groupId);
    },
  });
}

/** Cancel or move an upcoming session; members are told in the app. */
export function useChangeSession(groupId: string) {
  const invalidate = useInvalidateGroup();
  const cancel = useMutation({
    mutationFn: (input: { sessionId: string; reason: string }) => api<void>('POST', `/group-sessions/${enc(input.sessionId)}/cancel`, { reason: input.reason }),
    onSuccess: () => invalidate(groupId),
  });
  const reschedule = useMutation({
    mutationFn: (input: { sessionId: string; startsAtLocal: string; durationMinutes?: number }) =>
      api<void>('POST', `/group-sessions/${enc(input.sessionId)}/reschedule`, {
        startsAtLocal: input.startsAtLocal,
        ...(input.durationMinutes ? { durationMinutes: input.durationMinutes } : {}),
      }),
    onSuccess: () => invalidate(groupId),
  });
  return { cancel, reschedule };
}

export const attendanceLabel: Record<AttendanceStatus, string> = {
  present: 'Present',
  late: 'Late',
  left_early: 'Left early',
  excused: 'Excused absence',
  absent: 'Absent',
};

export const attendanceColor: Record<AttendanceStatus, string> = {
  present: 'green',
  late: 'yellow',
  left_early: 'yellow',
  excused: 'blue',
  absent: 'red',
};

/** "Late (10 min)". */
export function describeAttendance(status: AttendanceStatus | null, minutes: number | null): string {
  if (!status) return 'Not recorded';
  return minutes && (status === 'late' || status === 'left_early') ? `${attendanceLabel[status]} (${minutes} min)` : attendanceLabel[status];
}

export const sessionStatusLabel = { scheduled: 'Scheduled', held: 'Held', cancelled: 'Cancelled' } as const;
export const sessionStatusColor = { scheduled: 'blue', held: 'green', cancelled: 'red' } as const;
