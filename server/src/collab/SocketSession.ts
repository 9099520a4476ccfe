import { CloseCode, type DocName } from '@standpunt/shared';
import type { RawData, WebSocket } from 'ws';
import type { CollabIdentity } from './CollabIdentity.js';
import type { DocRoom } from './DocRoom.js';
import { RoomConnection } from './RoomConnection.js';
import type { RoomRegistry } from './RoomRegistry.js';
import { TokenBucket } from './TokenBucket.js';
import { WsRoomSocket } from './WsRoomSocket.js';

export interface SocketSessionOptions {
  registry: RoomRegistry;
  paperId: string;
  doc: DocName;
  identity: CollabIdentity;
  readOnly: boolean;
  /** Address the socket came from, for the per-address connection limit. */
  address: string;
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

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/**
 * One accepted websocket on its way into a room: holds the paper while the socket lives and
 * queues frames that arrive before the paper is loaded, so none is lost or reordered.
 */
export class SocketSession {
  readonly #ws: WebSocket;
  readonly #options: SocketSessionOptions;
  readonly connection: RoomConnection;
  readonly #rate: TokenBucket;
  #room: DocRoom | null = null;
  #queued: Uint8Array[] | null = [];
  #ended = false;

  constructor(ws: WebSocket, options: SocketSessionOptions) {
    this.#ws = ws;
    this.#options = options;
    this.#rate = new TokenBucket(options.maxMessagesPerSecond, options.messageBurst);
    this.connection = new RoomConnection(
      new WsRoomSocket(ws),
      options.identity,
      options.readOnly,
      () => options.onWriteRefused(this),
    );
  }

  get paperId(): string {
    return this.#options.paperId;
  }

  get doc(): DocName {
    return this.#options.doc;
  }

  get identity(): CollabIdentity {
    return this.#options.identity;
  }

  get address(): string {
    return this.#options.address;
  }

  start(): void {
    const { registry, paperId, doc, log } = this.#options;
    this.#ws.on('message', (data, isBinary) => this.#onMessage(data, isBinary));
    this.#ws.on('close', () => this.end());
    this.#ws.on('error', (error) =>
      log(`collab ${paperId}/${doc}: socket error: ${error.message}`),
    );
    registry.acquire(paperId).then(
      (paper) => {
        if (this.#ended) {
          registry.release(paperId);
          return;
        }
        const room = paper.room(doc);
        this.#room = room;
        room.addConnection(this.connection);
        const queued = this.#queued ?? [];
        this.#queued = null;
        for (const message of queued) room.handleMessage(this.connection, message);
      },
      (error: unknown) => {
        log(`collab ${paperId}: could not load: ${String(error)}`);
        this.end(1011, 'could not load the paper');
      },
    );
  }

  /** Leaves the room and gives the paper back; closes the socket first when given a code. */
  end(code?: number, reason = ''): void {
    if (code !== undefined) this.connection.close(code, reason);
    if (this.#ended) return;
    this.#ended = true;
    this.#queued = null;
    if (this.#room) {
      this.#room.removeConnection(this.connection);
      this.#room = null;
      this.#options.registry.release(this.#options.paperId);
    }
    this.#options.onEnd(this);
  }

  #onMessage(data: RawData, isBinary: boolean): void {
    if (this.#ended || !this.connection.isOpen()) return;
    const bytes = toBytes(data);
    if (!isBinary) {
      this.#refuse(CloseCode.malformedMessage, 'text frame');
      return;
    }
    if (bytes.byteLength > this.#options.maxMessageBytes) {
      this.#refuse(CloseCode.messageTooLarge, `frame of ${bytes.byteLength} bytes`);
      return;
    }
    // Counted before the frame is looked at: decoding and checking an update is the work a
    // flood would make the server do.
    if (!this.#rate.take()) {
      this.#refuse(CloseCode.tooManyMessages, 'too many messages');
      return;
    }
    if (this.#room) this.#room.handleMessage(this.connection, bytes);
    else this.#queued?.push(bytes);
  }

  #refuse(code: number, why: string): void {
    const { paperId, doc, identity, log } = this.#options;
    log(`collab ${paperId}/${doc}: closing ${identity.userId} with ${code}: ${why}`);
    this.end(code, why);
  }
}
