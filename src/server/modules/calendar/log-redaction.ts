// A calendar feed's address is its credential: whoever reads it in a log can read the calendar.
const FEED_PATH = /^\/+api\/+calendar(\/|$)/i;
const MASKED_FEED_URL = '/api/calendar/[redacted]';

function decodedPath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A request URL safe to log: calendar-feed addresses lose their token (in any spelling that could reach the route). */
export function maskFeedUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return FEED_PATH.test(decodedPath(url)) ? MASKED_FEED_URL : url;
}

/** What of a request the server logs; the same fields as Fastify's default, with the URL masked. */
export function logSafeRequest(request: {
  method?: string | undefined;
  url?: string | undefined;
  headers?: Record<string, string | string[] | undefined>;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number | undefined } | null;
}) {
  const version = request.headers?.['accept-version'];
  return {
    method: request.method,
    url: maskFeedUrl(request.url),
    version: Array.isArray(version) ? version.join(',') : version,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
