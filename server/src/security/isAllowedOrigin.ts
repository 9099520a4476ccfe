import type { IncomingMessage } from 'node:http';

/**
 * Whether a websocket or state-changing request may proceed, judged by its `Origin`. Browsers
 * always send it on websocket requests and on cross-site POST, PUT, PATCH and DELETE, and a
 * page cannot forge it, so a foreign origin means another site is trying to use the visitor's
 * session cookie (cross-site request forgery, websocket hijacking). Non-browser clients send
 * none and must authenticate like anyone else.
 *
 * Allowed: no Origin; the app's own origin (`http(s)://` + the Host header); `allowedOrigins`.
 */
export function isAllowedOrigin(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const normalized = origin.toLowerCase();
  const host = req.headers.host?.toLowerCase();
  if (host && (normalized === `http://${host}` || normalized === `https://${host}`)) return true;
  return allowedOrigins.some((allowed) => allowed.toLowerCase().replace(/\/$/, '') === normalized);
}
