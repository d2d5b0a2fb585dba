import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isSignedOutError } from './client';
import { authKeys, markSignedOut } from '../auth/api';

/**
 * The app's one QueryClient. Any request answered "not signed in" (401 unauthenticated or
 * session_expired) sends the whole app back to sign-in: that is the global 401 handler.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => handleError(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => handleError(client, error) }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

function handleError(client: QueryClient, error: unknown): void {
  if (isSignedOutError(error)) {
    markSignedOut(client, error.code === 'session_expired' ? 'session_expired' : null);
  } else if (error instanceof ApiError && (error.code === 'mfa_required' || error.code === 'csrf_failed')) {
    // The session moved on (another tab verified or signed out): ask the server where we stand.
    void client.invalidateQueries({ queryKey: authKeys.session });
  }
}
