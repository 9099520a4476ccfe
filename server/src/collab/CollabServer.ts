import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type Server as WsServer } from 'ws';
import { CloseCode, parseCollabPath, type DocName } from '@standpunt/shared';
import type { ServerConfig } from '../config.js';
import type { DocumentStore } from '../storage/DocumentStore.js';
import { AwarenessSweeper } from './AwarenessSweeper.js';
import type { CollabIdentity } from './CollabIdentity.js';
import {
  MemoryConnectionSlots,
  type ConnectionSlots,
  type SlotRefusal,
} from './ConnectionSlots.js';
import { clientAddressOf, type ClientAddressOf } from '../http/clientAddress.js';
import { isAllowedOrigin } from '../security/isAllowedOrigin.js';
import { Keepalive } from './Keepalive.js';
import type { LoadedPaper } from './LoadedPaper.js';
import type { Peers } from './Peers.js';
import { rejectUpgrade } from './rejectUpgrade.js';
import { RoomRegistry } from './RoomRegistry.js';
import {
  CollabSocket,
  SocketSession,
  type SessionContext,
  type SessionTarget,
} from './SocketSession.js';

export type { CollabIdentity } from './CollabIdentity.js';
import { isSignedOut, type CollabSignIn, type SignOut } from './CollabIdentity.js';

export interface CollabServerOptions {
  store: DocumentStore;
  config: ServerConfig;
  /** Who the request's session cookie signs in, or null. */
  authenticate(req: IncomingMessage): Promise<CollabSignIn | null>;
  /**
   * What this person may do with the paper: refused with 4404 when it is `missing`, with 4403
   * for `none`; `edit` lets them change its text (the threads doc is read-only for every
   * client whatever this says). Asked at connect and after every {@link refreshAccess}.
   */
  access(identity: CollabIdentity, paperId: string): Promise<CollabAccess>;
  /** Told when a read-only connection first tries to change a doc (for the audit trail). */
  onWriteRefused?(identity: CollabIdentity, paperId: string, doc: DocName): void;
  /** The other server processes serving the same papers; absent when this one is alone. */
  peers?: Peers;
  /** Where the connection limits are counted; by default in this process alone. */
  connectionSlots?: ConnectionSlots;
}

export type CollabAccess = 'missing' | 'none' | 'read' | 'edit';

type OptionalOptions = 'onWriteRefused';

const DEFAULTS: Required<Pick<CollabServerOptions, OptionalOptions>> = {
  onWriteRefused: () => {},
};

/** The refusal for an access that does not let one read, or null when it does. */
function refusalFor(access: CollabAccess): Refusal | null {
  if (access === 'missing') return { code: CloseCode.paperNotFound, reason: 'no such paper' };
  if (access === 'none') {
    return { code: CloseCode.forbidden, reason: 'not allowed to read this paper' };
  }
  return null;
}

/** Why an upgrade was refused after the handshake, with the close code that says so. */
interface Refusal {
  code: number;
  reason: string;
}

/** One socket too many: 4429, and the client retries later, when others have closed. */
const OVER_LIMIT: Record<SlotRefusal, Refusal> = {
  account: { code: CloseCode.tooManyMessages, reason: 'too many connections for this account' },
  address: { code: CloseCode.tooManyMessages, reason: 'too many connections from this address' },
};

/**
 * The collaboration websocket endpoint: `/collab/<paperId>` (content) and
 * `/collab/<paperId>/threads`, in the y-websocket protocol. Checks, in order: path (HTTP 400),
 * Origin (4403), session (4401), paper (4404), `access` (4403); then the socket joins the
 * paper's room, with write access to the content only when `access` says `edit`.
 *
 * A foreign Origin is accepted and then closed with 4403 rather than refused with HTTP 403:
 * y-websocket gives up on close codes 4400–4499, whereas a refused handshake reaches it as a
 * bare 1006 that it retries forever. Nothing is sent on such a socket but the close frame.
 */
export class CollabServer {
  readonly #options: CollabServerOptions & typeof DEFAULTS;
  readonly #wss: WsServer<typeof CollabSocket>;
  readonly #registry: RoomRegistry;
  readonly #sweeper: AwarenessSweeper;
  readonly #keepalive: Keepalive;
  readonly #sessions = new Set<SocketSession>();
  readonly #sessionContext: SessionContext;
  readonly #slots: ConnectionSlots;
  readonly #clientAddress: ClientAddressOf;
  #slotsTaken = 0;
  #closing = false;

  constructor(options: CollabServerOptions) {
    this.#options = { ...DEFAULTS, ...options };
    const { config, store } = this.#options;
    this.#slots = options.connectionSlots ?? new MemoryConnectionSlots(config);
    this.#clientAddress = clientAddressOf(config.trustProxy);
    this.#wss = new WebSocketServer<typeof CollabSocket>({
      noServer: true,
      // ws closes with 1009 above its own limit; up to twice ours the frame is read, so that
      // SocketSession can answer with the protocol's 4413.
      maxPayload: config.maxMessageBytes * 2,
      // The open sockets are known by their sessions; ws need not keep a set of its own.
      clientTracking: false,
      WebSocket: CollabSocket,
    });
    this.#sweeper = new AwarenessSweeper(config.awarenessTimeoutMs);
    const { peers } = this.#options;
    this.#registry = new RoomRegistry({ store, config, sweeper: this.#sweeper, peers });
    peers?.onAccessChanged((paperId) => {
      this.refreshAccess(paperId).catch((error: unknown) =>
        config.log(`collab ${paperId}: could not refresh access: ${String(error)}`),
      );
    });
    peers?.onSignedOut((who) => this.#closeSignedOut(who));
    peers?.onConnectedChange((connected) => {
      config.log(`collab: connection to the other server processes ${connected ? 'back' : 'lost'}`);
      // What is relayed here meanwhile would not reach the others' clients, nor theirs ours:
      // every client reconnects once the connection is back, and resyncs from storage.
      if (!connected) this.#endAll(CloseCode.tryAgainLater, 'servers out of touch');
    });
    this.#keepalive = new Keepalive(config.pingIntervalMs, this.#sessions);
    this.#sessionContext = {
      registry: this.#registry,
      maxMessageBytes: config.maxMessageBytes,
      maxMessagesPerSecond: config.maxMessagesPerSecond,
      messageBurst: config.messageBurst,
      log: config.log,
      onWriteRefused: (session) => {
        const { paperId, doc, identity } = session;
        config.log(`collab ${paperId}/${doc}: refused an update from read-only ${identity.userId}`);
        this.#options.onWriteRefused(identity, paperId, doc);
      },
      onEnd: (session) => this.#sessions.delete(session),
    };
  }

  /** Called from the http server's 'upgrade' event for paths under /collab. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    void this.#upgrade(req, socket, head);
  }

  async #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { config } = this.#options;
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const target = parseCollabPath(pathname);
    if (!target) {
      this.#log(req, pathname, 'bad path (HTTP 400)');
      rejectUpgrade(socket, 400);
      return;
    }
    if (this.#closing) {
      rejectUpgrade(socket, 503);
      return;
    }
    let signIn: CollabSignIn | null = null;
    let access: CollabAccess = 'none';
    let refusal: Refusal | null = null;
    try {
      if (!isAllowedOrigin(req, config.allowedOrigins)) {
        refusal = { code: CloseCode.forbidden, reason: 'origin not allowed' };
      } else if ((signIn = await this.#options.authenticate(req)) === null) {
        refusal = { code: CloseCode.notSignedIn, reason: 'not signed in' };
      } else {
        access = await this.#options.access(signIn.identity, target.paperId);
        refusal = refusalFor(access);
      }
    } catch (error) {
      this.#log(req, pathname, `check failed (HTTP 500): ${String(error)}`);
      rejectUpgrade(socket, 500);
      return;
    }
    if (this.#closing) {
      rejectUpgrade(socket, 503);
      return;
    }
    if (!refusal && this.#options.peers && !this.#options.peers.connected) {
      refusal = { code: CloseCode.tryAgainLater, reason: 'servers out of touch' };
    }
    const address = this.#clientAddress(req);
    if (!refusal && signIn) {
      const taken = await this.#takeSlot(socket, signIn.identity, address);
      if (taken === 'gone') return;
      refusal = taken;
    }
    if (refusal) {
      const { code, reason } = refusal;
      this.#log(req, pathname, `${reason} (${code})`);
      this.#wss.handleUpgrade(req, socket, head, (ws) => ws.close(code, reason));
      return;
    }
    const accepted = signIn as CollabSignIn;
    const readOnly = target.doc === 'threads' || access !== 'edit';
    this.#wss.handleUpgrade(req, socket, head, (ws) =>
      this.#attach(ws, {
        paperId: target.paperId,
        doc: target.doc,
        identity: accepted.identity,
        session: accepted.session,
        readOnly,
        address,
      }),
    );
  }

  /**
   * Takes the socket's place under the account's and the address's connection limits, held
   * until the raw socket closes (however the upgrade ends). A refusal when the socket is one
   * too many or the count cannot be reached; 'gone' when the client left meanwhile.
   */
  async #takeSlot(
    socket: Duplex,
    identity: CollabIdentity,
    address: string,
  ): Promise<Refusal | 'gone' | null> {
    const id = String(++this.#slotsTaken);
    let over: SlotRefusal | null;
    try {
      over = await this.#slots.take({ id, userId: identity.userId, address });
    } catch (error) {
      this.#options.config.log(`collab: could not count connections: ${String(error)}`);
      return { code: CloseCode.tryAgainLater, reason: 'connections cannot be counted' };
    }
    if (over) return OVER_LIMIT[over];
    if (socket.destroyed) {
      this.#slots.release(id);
      return 'gone';
    }
    socket.once('close', () => this.#slots.release(id));
    return null;
  }

  /**
   * Decides again what each connection to the paper may do, after its members or phase
   * changed: who may no longer read it is closed (4403, or 4404 when it is gone); the content
   * connections' write access follows `access` from the next message on, without a reconnect.
   * Resolves once every connection has its new rights.
   */
  async refreshAccess(paperId: string): Promise<void> {
    const { config } = this.#options;
    const sessions = [...this.#sessions].filter((session) => session.paperId === paperId);
    // One check per person, not per socket: most people have both docs open.
    const checks = new Map<string, Promise<CollabAccess>>();
    await Promise.all(
      sessions.map(async (session) => {
        const { userId } = session.identity;
        let check = checks.get(userId);
        if (!check) {
          check = this.#options.access(session.identity, paperId);
          checks.set(userId, check);
        }
        try {
          const access = await check;
          const refusal = refusalFor(access);
          if (refusal) session.end(refusal.code, refusal.reason);
          else if (session.doc === 'content') session.readOnly = access !== 'edit';
        } catch (error) {
          config.log(`collab ${paperId}: could not refresh access: ${String(error)}`);
          session.end(CloseCode.forbidden, 'access could not be checked');
        }
      }),
    );
  }

  /**
   * After a paper's members or phase changed: {@link refreshAccess} here, and on every other
   * server process.
   */
  async accessChanged(paperId: string): Promise<void> {
    await Promise.all([
      this.refreshAccess(paperId),
      this.#options.peers?.publishAccessChanged(paperId),
    ]);
  }

  /**
   * After sessions ended (a sign-out, a deactivated account, a new password): their sockets
   * close with 4401 here and on every other server process.
   */
  async signedOut(who: SignOut): Promise<void> {
    this.#closeSignedOut(who);
    await this.#options.peers?.publishSignedOut(who);
  }

  #closeSignedOut(who: SignOut): void {
    for (const session of [...this.#sessions]) {
      if (isSignedOut(who, { identity: session.identity, session: session.session })) {
        session.end(CloseCode.notSignedIn, 'signed out');
      }
    }
  }

  /**
   * Runs `use` with the paper loaded (loading it if no one has it open), then releases it.
   * How the server changes a paper's docs, e.g. `paper.transact('threads', 'add thread', …)`.
   */
  async withPaper<T>(paperId: string, use: (paper: LoadedPaper) => T | Promise<T>): Promise<T> {
    const paper = await this.#registry.acquire(paperId);
    try {
      return await use(paper);
    } finally {
      this.#registry.release(paperId);
    }
  }

  /** The sign-in sessions (token hashes) that sockets here are open with. */
  openSessions(): Set<string> {
    return new Set([...this.#sessions].map((session) => session.session));
  }

  /** Closes (4401) the sockets here of sessions that ended, without telling the others. */
  closeSignedOut(who: SignOut): void {
    this.#closeSignedOut(who);
  }

  /** Stats for tests/benchmarks: loaded papers, open connections, loads from the store so far. */
  stats(): { loadedPapers: number; connections: number; loads: number } {
    return {
      loadedPapers: this.#registry.size,
      connections: this.#sessions.size,
      loads: this.#registry.loads,
    };
  }

  /**
   * Closes every socket with 1001, compacts and unloads every paper. Leaves the store open:
   * whoever made it closes it, after this.
   */
  async close(): Promise<void> {
    this.#closing = true;
    this.#endAll(CloseCode.goingAway, 'server stopping');
    await this.#registry.closeAll();
    this.#keepalive.stop();
    this.#sweeper.stop();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #endAll(code: number, reason: string): void {
    for (const session of [...this.#sessions]) session.end(code, reason);
  }

  #attach(ws: CollabSocket, target: SessionTarget): void {
    if (this.#closing) {
      ws.close(CloseCode.goingAway, 'server stopping');
      return;
    }
    const session = new SocketSession(ws, this.#sessionContext, target);
    this.#sessions.add(session);
    this.#keepalive.start();
    session.start();
  }

  #log(req: IncomingMessage, pathname: string, what: string): void {
    const from = this.#clientAddress(req) || 'unknown address';
    this.#options.config.log(`collab: refused ${pathname} from ${from}: ${what}`);
  }
}
