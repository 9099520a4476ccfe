/**
 * A Yjs client for integration tests, speaking the y-websocket protocol over `ws` as the
 * browser's WebsocketProvider does — and able to send what a hostile client would.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType, roomName, type DocName } from '@standpunt/shared';
import { appendText, paperText } from './contentHelpers.js';

export interface ConnectOptions {
  cookie?: string | undefined;
  /** Default: the server's own origin, as a browser on the app sends it. */
  origin?: string | null;
  doc?: DocName;
  /** Sent with the upgrade (e.g. X-Forwarded-For). */
  headers?: Record<string, string>;
}

/** A Yjs client on one doc of one paper, speaking the y-websocket protocol. */
export class CollabClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly ws: WebSocket;
  /** Resolves once the server's sync step 2 arrived. */
  readonly synced: Promise<void>;
  /** Resolves with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;
  #onSyncStep2: Array<() => void> = [];

  constructor(baseUrl: string, paperId: string, options: ConnectOptions = {}) {
    const url = `${baseUrl.replace(/^http/, 'ws')}/collab/${roomName(paperId, options.doc ?? 'content')}`;
    const headers: Record<string, string> = { ...options.headers };
    if (options.cookie) headers.Cookie = options.cookie;
    const origin = options.origin === undefined ? baseUrl : options.origin;
    this.ws = new WebSocket(url, { headers, ...(origin === null ? {} : { origin }) });
    this.closed = new Promise((resolve) => {
      this.ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    this.ws.on('error', () => {}); // refusals show up as 'close' or 'unexpected-response'
    this.synced = new Promise((resolve) => {
      this.ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        const messageType = decoding.readVarUint(decoder);
        if (messageType === MessageType.awareness) {
          const update = decoding.readVarUint8Array(decoder);
          awarenessProtocol.applyAwarenessUpdate(this.awareness, update, this);
          return;
        }
        if (messageType !== MessageType.sync) return;
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, MessageType.sync);
        const type = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
        if (encoding.length(reply) > 1) this.ws.send(encoding.toUint8Array(reply));
        if (type === syncProtocol.messageYjsSyncStep2) {
          resolve();
          for (const waiter of this.#onSyncStep2.splice(0)) waiter();
        }
      });
    });
    this.ws.on('open', () => this.#send((e) => syncProtocol.writeSyncStep1(e, this.doc)));
    this.awareness.on(
      'update',
      ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
        if (origin === this || this.ws.readyState !== WebSocket.OPEN) return;
        const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.awareness);
        encoding.writeVarUint8Array(
          encoder,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
        );
        this.ws.send(encoding.toUint8Array(encoder));
      },
    );
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.ws.readyState === WebSocket.OPEN) {
        this.#send((e) => syncProtocol.writeUpdate(e, update));
      }
    });
  }

  /** The paper's text, all blocks joined. */
  get text(): string {
    return paperText(this.doc);
  }

  /** Types at the end of the paper, into the last paragraph, as the editor would write it. */
  type(text: string): void {
    appendText(this.doc, text);
  }

  /**
   * Sends sync step 1 and waits for the answer: the server handles a socket's frames in
   * order, so everything this client sent before has been handled when it resolves.
   */
  roundTrip(): Promise<void> {
    const answered = new Promise<void>((resolve) => this.#onSyncStep2.push(resolve));
    this.#send((e) => syncProtocol.writeSyncStep1(e, this.doc));
    return answered;
  }

  /**
   * Sends an update as a raw sync message of the given type (sync step 2 or update), the way
   * a client that ignores its read-only status would, without applying it locally.
   */
  sendRawUpdate(
    update: Uint8Array,
    syncType:
      | typeof syncProtocol.messageYjsSyncStep2
      | typeof syncProtocol.messageYjsUpdate = syncProtocol.messageYjsUpdate,
  ): void {
    this.#send((e) => {
      encoding.writeVarUint(e, syncType);
      encoding.writeVarUint8Array(e, update);
    });
  }

  /** Sends raw bytes as one binary frame (hostile or broken clients). */
  sendFrame(frame: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  async close(): Promise<void> {
    if (this.ws.readyState !== WebSocket.CLOSED) this.ws.close();
    await this.closed;
    this.awareness.destroy();
    this.doc.destroy();
  }

  #send(write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    write(encoder);
    this.ws.send(encoding.toUint8Array(encoder));
  }
}
