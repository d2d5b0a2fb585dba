import { useEffect, useState } from 'react';
import appStylesHref from './mantine-app.css?url';

/**
 * The signed-in pages' Mantine styles (mantine-app.css), fetched once, on first need: the
 * sign-in page does not carry them. The sheet goes right after the Mantine sheet of index.html
 * (the `mantine` chunk's, or Mantine's own style tags in development) and before Hearth's own
 * CSS, so that the cascade is the one the complete styles.css gave: Mantine first, then Hearth.
 */
let loading: Promise<void> | null = null;
let loaded = false;

function insertionPoint(): Element | null {
  const mantine = document.head.querySelectorAll('link[rel="stylesheet"][href*="/mantine-"], style[data-vite-dev-id*="@mantine"]');
  return mantine[mantine.length - 1] ?? null;
}

export function loadAppStyles(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const existing = document.head.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href="${appStylesHref}"]`);
    if (existing?.sheet) {
      loaded = true;
      return resolve();
    }
    const link = existing ?? document.createElement('link');
    link.rel = 'stylesheet';
    link.href = appStylesHref;
    link.addEventListener(
      'load',
      () => {
        loaded = true;
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

export type AppStylesState = 'loading' | 'ready' | 'failed';

/** Starts loading the signed-in pages' styles; 'ready' once the sheet applies. */
export function useAppStyles(): { state: AppStylesState; retry: () => void } {
  const [state, setState] = useState<AppStylesState>(loaded ? 'ready' : 'loading');
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    if (loaded) return;
    loadAppStyles().then(
      () => live && setState('ready'),
      () => live && setState('failed'),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return {
    state,
    retry: () => {
      setState('loading');
      setAttempt((n) => n + 1);
    },
  };
}
