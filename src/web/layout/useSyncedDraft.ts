import { useState, type Dispatch, type SetStateAction } from 'react';

/**
 * A form's draft that starts again from the server's value whenever that value changes (after a
 * save, or a refetch). React's "adjusting state when a prop changes": done while rendering, not in
 * an effect, so the form never paints the stale draft first.
 */
export function useSyncedDraft<S, T>(source: S, toDraft: (source: S) => T): [T, Dispatch<SetStateAction<T>>] {
  const [draft, setDraft] = useState(() => toDraft(source));
  const [seen, setSeen] = useState(source);
  if (seen !== source) {
    setSeen(source);
    setDraft(toDraft(source));
  }
  return [draft, setDraft];
}
