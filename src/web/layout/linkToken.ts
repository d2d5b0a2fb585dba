import { useEffect } from 'react';

/** The parameters after `#` in the address: a signed-out link's token travels there, so it never reaches a server log. */
export function fragmentParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.replace(/^#/, ''));
}

/**
 * A signed-out link's token (an invitation, an offer's answer): taken out of the address bar and
 * history, where it stays in memory for the page only, then checked once with `inspect`, which
 * must keep its identity (TanStack's `mutate` does for the life of the component).
 */
export function useInspectLinkToken(token: string | null, inspect: (token: string) => void): void {
  useEffect(() => {
    if (!token) return;
    window.history.replaceState(window.history.state, '', window.location.pathname);
    inspect(token);
  }, [token, inspect]);
}
