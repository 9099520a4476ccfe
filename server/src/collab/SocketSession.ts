import { CloseCode, type DocName } from '@standpunt/shared';
import { WebSocket, type RawData } from 'ws';
import type { CollabIdentity } from './CollabIdentity.js';
import type { DocRoom } from './DocRoom.js';
import { RoomConnection } from './RoomConnection.js';
import type { RoomRegistry } from './RoomRegistry.js';
import type { RoomSocket } from './RoomSocket.js';
import { TokenBucket } from './TokenBucket.js';

/** What every session of one server shares: where the papers are, the limits, whom to tell. */
export interface SessionContext {
  registry: RoomRegistry;
  /** Larger frames close the socket with 4413. */
  maxMessageBytes: number;
  /** Average frames per second, and burst, before the socket is closed with 4429. */
  maxMessagesPerSecond: number;
  messageBurst: number;
  log(message: string): void;
  /** Called on the first update refused because the connection is read-only. */
  onWriteRefused(session: SocketSession): void;
  /** Called once, when the session has left its room. */
  onEnd(session: SocketSession): void;
}

/** Where a session goes, and what it may do there (decided before the socket was accepted). */
export interface SessionTarget {
  paperId: string;
  doc: DocName;
  identity: CollabIdentity;
  /** The session (token hash) the socket was opened with: ended, the socket closes. */
  session: string;
  readOnly: boolean;
  /** Address the socket came from, for the per-address connection limit. */
  address: string;
}

/**
 * A `ws` socket that knows its session. The server makes these instead of plain ones, so that
 * one set of listeners serves every socket instead of closures of its own for each.
 */
export class CollabSocket extends WebSocket implements RoomSocket {
  session: SocketSession | null = null;

  isOpen(): boolean {
    return this.readyState === WebSocket.OPEN;
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/**
 * One accepted websocket on its way into a room, and its connection there once in: holds the
 * paper while the socket lives, queues frames that arrive before the paper is loaded (so none
 * is lost or reordered) and enforces the frame limits. `alive` is for the keepalive: cleared
 * when pinged, set again by the pong.
 */
export class SocketSession extends RoomConnection {
  declare readonly socket: CollabSocket;
  readonly paperId: string;
  readonly doc: DocName;
  readonly address: string;
  /** The sign-in session it was opened with (see {@link SessionTarget}). */
  readonly session: string;
  alive = true;
  readonly #context: SessionContext;
  readonly #rate: TokenBucket;
  #room: DocRoom | null = null;
  #queued: Uint8Array[] | null = [];
  #ended = false;

  constructor(ws: CollabSocket, context: SessionContext, target: SessionTarget) {
    super(ws, target.identity, target.readOnly);
    this.paperId = target.paperId;
    this.doc = target.doc;
    this.address = target.address;
    this.session = target.session;
    this.#context = context;
    this.#rate = new TokenBucket(context.maxMessagesPerSecond, context.messageBurst);
  }

  start(): void {
    const { registry, log } = this.#context;
    const { socket, paperId, doc } = this;
    socket.session = this;
    socket.on('message', SocketSession.#listeners.message);
    socket.on('close', SocketSession.#listeners.close);
    socket.on('error', SocketSession.#listeners.error);
    socket.on('pong', SocketSession.#listeners.pong);
    registry.acquire(paperId).then(
      (paper) => {
        if (this.#ended) {
          registry.release(paperId);
          return;
        }
        const room = paper.room(doc);
        this.#room = room;
        room.addConnection(this);
        const queued = this.#queued ?? [];
        this.#queued = null;
        for (const message of queued) room.handleMessage(this, message);
      },
      (error: unknown) => {
        log(`collab ${paperId}: could not load: ${String(error)}`);
        this.end(1011, 'could not load the paper');
      },
    );
  }

  /** Leaves the room and gives the paper back; closes the socket first when given a code. */
  end(code?: number, reason = ''): void {
    if (code !== undefined) this.close(code, reason);
    if (this.#ended) return;
    this.#ended = true;
    this.#queued = null;
    if (this.#room) {
      this.#room.removeConnection(this);
      this.#room = null;
      this.#context.registry.release(this.paperId);
    }
    this.#context.onEnd(this);
  }

  ping(): void {
    this.socket.ping();
  }

  /** Drops the socket without a closing handshake (a peer that stopped answering). */
  terminate(): void {
    this.socket.terminate();
  }

  protected override firstRefusedWrite(): void {
    this.#context.onWriteRefused(this);
  }

  /** The socket's listeners, shared by every session: each socket leads to its own. */
  static readonly #listeners = {
    message(this: WebSocket, data: RawData, isBinary: boolean): void {
      const session = (this as CollabSocket).session;
      if (session) session.#receive(data, isBinary);
    },
    close(this: WebSocket): void {
      (this as CollabSocket).session?.end();
    },
    error(this: WebSocket, error: Error): void {
      const session = (this as CollabSocket).session;
      if (!session) return;
      session.#context.log(
        `collab ${session.paperId}/${session.doc}: socket error: ${error.message}`,
      );
    },
    pong(this: WebSocket): void {
      const session = (this as CollabSocket).session;
      if (session) session.alive = true;
    },
  };

  #receive(data: RawData, isBinary: boolean): void {
    if (this.#ended || !this.isOpen()) return;
    const bytes = toBytes(data);
    if (!isBinary) {
      this.#refuse(CloseCode.malformedMessage, 'text frame');
      return;
    }
    if (bytes.byteLength > this.#context.maxMessageBytes) {
      this.#refuse(CloseCode.messageTooLarge, `frame of ${bytes.byteLength} bytes`);
      return;
    }
    // Counted before the frame is looked at: decoding and checking an update is the work a
    // flood would make the server do.
    if (!this.#rate.take()) {
      this.#refuse(CloseCode.tooManyMessages, 'too many messages');
      return;
    }
    if (this.#room) this.#room.handleMessage(this, bytes);
    else this.#queued?.push(bytes);
  }

  #refuse(code: number, why: string): void {
    const { paperId, doc, identity } = this;
    this.#context.log(`collab ${paperId}/${doc}: closing ${identity.userId} with ${code}: ${why}`);
    this.end(code, why);
  }
}
