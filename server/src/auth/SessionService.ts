/**
 * Sign-in sessions: a random token in an HttpOnly cookie, its sha256 in the metadata store so
 * sessions survive a restart.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import type { ServerConfig } from '../config.js';
import type { MetaStore, UserRecord } from '../storage/MetaStore.js';

export const SESSION_COOKIE = 'standpunt_session';

/** Refresh a session's expiry at most this often, not on every request (each is a file write). */
const EXTEND_AFTER_MS = 60 * 60 * 1000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class SessionService {
  constructor(
    private readonly meta: MetaStore,
    private readonly config: ServerConfig,
  ) {}

  /** Starts a session for the user; returns the cookie token. */
  async start(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.meta.addSession({
      tokenHash: hashToken(token),
      userId,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.config.sessionTtlMs).toISOString(),
    });
    return token;
  }

  async end(token: string): Promise<void> {
    await this.meta.removeSession(hashToken(token));
  }

  /** The cookie's token, if the request has one. */
  tokenFrom(req: IncomingMessage): string | undefined {
    const header = req.headers.cookie;
    return header ? parseCookies(header)[SESSION_COOKIE] : undefined;
  }

  /** The signed-in user of a request, or null; slides the expiry of an active session. */
  async userFrom(req: IncomingMessage): Promise<UserRecord | null> {
    const token = this.tokenFrom(req);
    if (!token) return null;
    const tokenHash = hashToken(token);
    const session = await this.meta.findSession(tokenHash);
    if (!session) return null;
    const expiresAt = Date.parse(session.expiresAt);
    const now = Date.now();
    if (expiresAt <= now) return null;
    if (now + this.config.sessionTtlMs - expiresAt > EXTEND_AFTER_MS) {
      // Not awaited: the request need not wait for it. A failed extension only means the
      // session ends at its old time, so it is logged rather than failing the request.
      this.meta
        .extendSession(tokenHash, new Date(now + this.config.sessionTtlMs).toISOString())
        .catch((error: unknown) => this.config.log(`could not extend a session: ${String(error)}`));
    }
    return (await this.meta.findUserById(session.userId)) ?? null;
  }

  cookieOptions(): {
    httpOnly: true;
    sameSite: 'lax';
    secure: boolean;
    path: string;
    maxAge: number;
  } {
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: this.config.sessionTtlMs,
    };
  }
}
