/**
 * Sign-in sessions: a random token in an HttpOnly cookie, its sha256 in the metadata store so
 * sessions survive a restart.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import type { SessionSummary } from '@standpunt/shared';
import type { ServerConfig } from '../config.js';
import type { MetaStore, UserRecord } from '../storage/MetaStore.js';

export const SESSION_COOKIE = 'standpunt_session';

/** Refresh a session's expiry at most this often, not on every request (each is a file write). */
const EXTEND_AFTER_MS = 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A session as its holder's account page names it: part of a hash of the token's hash, so
 * that the id (which the page sees) leads to neither.
 */
function sessionId(tokenHash: string): string {
  return createHash('sha256').update(`session:${tokenHash}`).digest('base64url').slice(0, 16);
}

/** Who a request signs in, and by which session (its token's hash). */
export interface SignIn {
  user: UserRecord;
  session: string;
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

  /**
   * The signed-in account of a request and its session's hash, or null; slides the expiry of
   * an active session. A deactivated account is signed in nowhere, whatever sessions remain.
   */
  async signInFrom(req: IncomingMessage): Promise<SignIn | null> {
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
    const user = await this.meta.findUserById(session.userId);
    return user?.active ? { user, session: tokenHash } : null;
  }

  /** The signed-in account of a request, or null (see {@link signInFrom}). */
  async userFrom(req: IncomingMessage): Promise<UserRecord | null> {
    return (await this.signInFrom(req))?.user ?? null;
  }

  /** The account's sessions that have not expired, oldest first. */
  async sessionsOf(userId: string, current: string): Promise<SessionSummary[]> {
    const now = new Date().toISOString();
    return (await this.meta.listSessionsOf(userId))
      .filter((session) => session.expiresAt > now)
      .map(({ tokenHash, createdAt, expiresAt }) => ({
        id: sessionId(tokenHash),
        createdAt,
        expiresAt,
        current: tokenHash === current,
      }));
  }

  /** The hash of the account's session that `id` names, if there is one. */
  async findSessionOf(userId: string, id: string): Promise<string | undefined> {
    const sessions = await this.meta.listSessionsOf(userId);
    return sessions.find((session) => sessionId(session.tokenHash) === id)?.tokenHash;
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
