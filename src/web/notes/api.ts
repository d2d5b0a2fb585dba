import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { noteDraftBodySchema, NoteVersionList } from '../../shared/schemas/notes';
import { api } from '../api/client';
import type { Note, NoteEnvelope } from '../api/types';
import { groupKeys } from '../groups/api';
import { recordKeys } from '../records/api';
import { sessionKeys } from '../sessions/api';

const enc = encodeURIComponent;

/** Query keys of a session's group note and its versions. */
export const noteKeys = {
  note: (sessionId: string) => [...sessionKeys.detail(sessionId), 'note'] as const,
  versions: (sessionId: string) => [...sessionKeys.detail(sessionId), 'note', 'versions'] as const,
};

export function useNote(sessionId: string, enabled = true) {
  return useQuery({
    queryKey: noteKeys.note(sessionId),
    queryFn: () => api<NoteEnvelope>('GET', `/group-sessions/${enc(sessionId)}/note`),
    enabled,
  });
}

export function useNoteVersions(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: noteKeys.versions(sessionId),
    queryFn: () => api<NoteVersionList>('GET', `/group-sessions/${enc(sessionId)}/note/versions`),
    enabled,
  });
}

/** PUT …/note: a draft as the editor saves it. */
export type NoteDraft = z.input<typeof noteDraftBodySchema>;

/** Save, sign, co-sign and addenda. Each keeps the cached note up to date. */
export function useNoteActions(sessionId: string, groupId: string) {
  const client = useQueryClient();
  const stored = async (note: Note) => {
    client.setQueryData<NoteEnvelope>(noteKeys.note(sessionId), (old) => ({ note, attendees: old?.attendees ?? [], draft: null }));
    await Promise.all([
      client.invalidateQueries({ queryKey: noteKeys.versions(sessionId) }),
      client.invalidateQueries({ queryKey: groupKeys.sessions(groupId) }),
      client.invalidateQueries({ queryKey: recordKeys.all }),
    ]);
  };
  const path = `/group-sessions/${enc(sessionId)}/note`;
  return {
    save: useMutation({ mutationFn: (draft: NoteDraft) => api<Note>('PUT', path, draft), onSuccess: stored }),
    sign: useMutation({ mutationFn: (version: number) => api<Note>('POST', `${path}/sign`, { version }), onSuccess: stored }),
    cosign: useMutation({ mutationFn: () => api<Note>('POST', `${path}/cosign`), onSuccess: stored }),
    addendum: useMutation({ mutationFn: (body: string) => api<Note>('POST', `${path}/addenda`, { body }), onSuccess: stored }),
  };
}
