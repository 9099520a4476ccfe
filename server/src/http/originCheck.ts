import type { IncomingMessage } from 'node:http';

/**
 * True when a request's Origin is the app's own (same host as the request) or configured.
 * Requests without an Origin header come from non-browser clients, which cannot be made to
 * carry someone else's cookie by a foreign page; browsers always send Origin on cross-site
 * POST, PUT, PATCH, DELETE and websocket requests.
 */
export function isAllowedOrigin(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  const host = req.headers.host;
  if (!host) return false;
  return origin === `http://${host}` || origin === `https://${host}`;
}
