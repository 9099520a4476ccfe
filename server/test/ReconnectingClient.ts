/**
 * A y-websocket client that outlives its server: when the socket drops it connects again (to
 * wherever `url()` points by then) and resyncs, as the browser's WebsocketProvider does. Edits
 * made while disconnected stay in its doc and reach the server in the next sync.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { FATAL_CLOSE_CODES, MessageType, roomName } from '@standpunt/shared';

const RETRY_MS = 100;

export class ReconnectingClient {
  readonly doc = new Y.Doc();
  /** Connections made, the first included. */
  connections = 0;
  /** Close codes that say "do not come back" (4401, 4403, 4404): each is a failure. */
  readonly fatalCloses: number[] = [];
  /** How often each close code ended a connection that had opened (1006: the server died). */
  readonly closeCodes = new Map<number, number>();
  #ws: WebSocket | null = null;
  #synced = false;
  #stopped = false;
  #waiters: Array<() => void> = [];
  #roundTrips: Array<() => void> = [];

  constructor(
    readonly paperId: string,
    /** The server's current base URL (http://…); read at every (re)connect. */
    private readonly url: () => string,
    private readonly cookie: string,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // Sent whenever a socket is open (also mid-handshake: twice is harmless, never is not);
      // while there is none, the next sync carries it.
      if (origin !== this) this.#send((e) => syncProtocol.writeUpdate(e, update));
    });
  }

  get isSynced(): boolean {
    return this.#synced;
  }

  start(): void {
    this.#connect();
  }

  /** Resolves once connected and synced with the server it is connected to now. */
  whenSynced(): Promise<void> {
    if (this.#synced) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Everything sent before has been handled by the server when this resolves. */
  async roundTrip(): Promise<void> {
    await this.whenSynced();
    const answered = new Promise<void>((resolve) => this.#roundTrips.push(resolve));
    this.#send((e) => syncProtocol.writeSyncStep1(e, this.doc));
    return answered;
  }

  stop(): void {
    this.#stopped = true;
    this.#ws?.close();
    this.doc.destroy();
  }

  #connect(): void {
    if (this.#stopped) return;
    const base = this.url();
    const ws = new WebSocket(
      `${base.replace(/^http/, 'ws')}/collab/${roomName(this.paperId, 'content')}`,
      {
        headers: { Cookie: this.cookie },
        origin: base,
      },
    );
    this.#ws = ws;
    ws.on('error', () => {}); // a refused or dropped connection ends in 'close'
    let opened = false;
    ws.on('open', () => {
      opened = true;
      this.connections++;
      this.#send((e) => syncProtocol.writeSyncStep1(e, this.doc));
    });
    ws.on('message', (data: Buffer) => this.#receive(new Uint8Array(data)));
    ws.on('close', (code) => {
      if (opened) this.closeCodes.set(code, (this.closeCodes.get(code) ?? 0) + 1);
      this.#synced = false;
      // Round trips of the lost connection will never be answered: the next sync covers them.
      for (const resolve of this.#roundTrips.splice(0)) resolve();
      if (FATAL_CLOSE_CODES.includes(code)) this.fatalCloses.push(code);
      if (!this.#stopped) setTimeout(() => this.#connect(), RETRY_MS);
    });
  }

  #receive(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return; // presence: not needed here
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MessageType.sync);
    const type = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
    if (encoding.length(reply) > 1) this.#ws?.send(encoding.toUint8Array(reply));
    if (type !== syncProtocol.messageYjsSyncStep2) return;
    if (!this.#synced) {
      this.#synced = true;
      for (const resolve of this.#waiters.splice(0)) resolve();
    } else {
      this.#roundTrips.shift()?.();
    }
  }

  #send(write: (encoder: encoding.Encoder) => void): void {
    if (this.#ws?.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    write(encoder);
    this.#ws.send(encoding.toUint8Array(encoder));
  }
}
