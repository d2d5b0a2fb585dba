import { useQuery } from '@tanstack/react-query';
import type { Digest, Mail, MailList } from '../../shared/schemas/digest';
import { api } from '../api/client';

/** Query keys of the facilitators' digest and the mail outbox. */
export const digestKeys = {
  session: (sessionId: string) => ['digest', sessionId] as const,
  mail: (status: string | undefined) => ['mail', status] as const,
};

export type { Digest, Mail };

/** GET /api/sessions/:id/digest: the digest sent before the session, or a preview built now. */
export function useDigest(sessionId: string) {
  return useQuery({ queryKey: digestKeys.session(sessionId), queryFn: () => api<Digest>('GET', `/sessions/${encodeURIComponent(sessionId)}/digest`) });
}

/** GET /api/admin/mail: the outbox. */
export function useMailOutbox(status: Mail['status'] | 'all') {
  return useQuery({
    queryKey: digestKeys.mail(status),
    queryFn: () => api<MailList>('GET', `/admin/mail${status === 'all' ? '' : `?status=${status}`}`),
    placeholderData: (previous) => previous,
  });
}
