import { useEffect, useSyncExternalStore } from 'react';
import appStylesHref from './mantine-app.css?url';

/**
 * The signed-in pages' Mantine styles (mantine-app.css), fetched once, on first need: the
 * sign-in page does not carry them. The sheet goes right after the Mantine sheet of index.html
 * (the `mantine` chunk's, or Mantine's own style tags in development) and before Hearth's own
 * CSS, so that the cascade is the one the complete styles.css gave: Mantine first, then Hearth.
 */
export type AppStylesState = 'loading' | 'ready' | 'failed';

type Status = 'not-asked' | AppStylesState;

// Where the sheet stands is a small store that components subscribe to (useSyncExternalStore), not a
// flag each component copies into its own state: the sheet can finish loading between a component's
// render and its effect (the sign-in gate's, right after the password is accepted), and a copy taken
// at render would then wait for a load that has already happened, showing "Loading…" for ever.
let status: Status = 'not-asked';
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function setStatus(next: Status): void {
  status = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function insertionPoint(): Element | null {
  const mantine = document.head.querySelectorAll('link[rel="stylesheet"][href*="/mantine-"], style[data-vite-dev-id*="@mantine"]');
  return mantine[mantine.length - 1] ?? null;
}

/** Loads the sheet (once; again after a failure) and resolves when it applies. */
export function loadAppStyles(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const existing = document.head.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href="${appStylesHref}"]`);
    if (existing?.sheet) {
      setStatus('ready');
      return resolve();
    }
    setStatus('loading');
    const link = existing ?? document.createElement('link');
    link.rel = 'stylesheet';
    link.href = appStylesHref;
    link.addEventListener(
      'load',
      () => {
        setStatus('ready');
        resolve();
      },
      { once: true },
    );
    link.addEventListener(
      'error',
      () => {
        // Let the next attempt (a retry, the next page) fetch it again.
        link.remove();
        loading = null;
        setStatus('failed');
        reject(new Error('The page styles could not be loaded.'));
      },
      { once: true },
    );
    if (!existing) {
      const after = insertionPoint();
      if (after) after.after(link);
      else document.head.prepend(link);
    }
  });
  return loading;
}

const ignore = () => undefined;

/** Starts loading the signed-in pages' styles (or tries again after a failure); 'ready' once the sheet applies. */
export function useAppStyles(): { state: AppStylesState; retry: () => void } {
  const current = useSyncExternalStore(subscribe, () => status);
  useEffect(() => {
    if (status === 'not-asked' || status === 'failed') loadAppStyles().catch(ignore);
  }, []);
  return {
    state: current === 'not-asked' ? 'loading' : current,
    retry: () => void loadAppStyles().catch(ignore),
  };
}
