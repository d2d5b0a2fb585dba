import { useState } from 'react';
import { ApiError } from '../api/client';

/**
 * A form's own checks and the server's answer to it. `local` holds a message for each field that
 * is wrong now (undefined when it is fine). `fieldError(f)` is the server's message for field `f`,
 * else, once the person has submitted, the form's own; `formError` is the error for the form as a
 * whole, none while the server's messages stand under their fields; `submit(send)` shows the
 * checks from then on, clears the last confirmation (`saved`) and calls `send` only when no local
 * check fails.
 */
export function useFormChecks<F extends string = never>(error: unknown, local: Record<F, string | undefined> = {} as Record<F, string | undefined>) {
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const server = error instanceof ApiError ? error : null;
  return {
    attempted,
    setAttempted,
    saved,
    setSaved,
    server,
    fieldError: (field: F): string | undefined => server?.fieldMessage(field) ?? (attempted ? local[field] : undefined),
    formError: server?.details.length ? null : error,
    submit(send: () => void) {
      setAttempted(true);
      setSaved(null);
      if (!Object.values<string | undefined>(local).some(Boolean)) send();
    },
  };
}
