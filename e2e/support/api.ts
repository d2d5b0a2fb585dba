import { DEMO_PASSWORD } from './app';

/** A signed-in API session for setting up a test's data without clicking through the app. */
export interface ApiSession {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

/**
 * Signs in over the API (the demo staff's MFA is only offered, so no code is needed) and keeps the
 * session cookie and CSRF token for later calls. Throws with the server's answer on any failure.
 */
export async function apiSession(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  let cookie = '';
  const call = async (method: string, path: string, body?: unknown, csrf?: string) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (csrf) headers['x-csrf-token'] = csrf;
    const response = await fetch(`${baseUrl}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const set of response.headers.getSetCookie()) {
      const pair = set.split(';')[0] ?? '';
      const name = pair.split('=')[0];
      cookie = [...cookie.split('; ').filter((c) => c && !c.startsWith(`${name}=`)), pair].join('; ');
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  await call('POST', '/auth/login', { email, password });
  const me = (await call('GET', '/me')) as { csrfToken: string };
  return {
    get: async <T>(path: string) => (await call('GET', path)) as T,
    send: async <T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown) => (await call(method, path, body, me.csrfToken)) as T,
  };
}
