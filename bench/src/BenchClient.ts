import { performance } from 'node:perf_hooks';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Framing } from './framing.js';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
/** What an empty doc has to offer: the answer to the server's sync step 1. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

export interface BenchClientOptions {
  url: string;
  framing: Framing;
  headers?: Record<string, string>;
  /** The Yjs client id of its doc (random by default). */
  clientId?: number;
  /** Apply the server's sync step 2 to {@link BenchClient.doc} (typists that edit the paper). */
  applySync?: boolean;
  /** Called with every relayed document update (not the sync step 2). */
  onUpdate?(update: Uint8Array, at: number): void;
}

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * A y-websocket client cheap enough to run hundreds of in one process next to the server:
 * it answers the handshake as an empty doc would and does not apply what it receives (unless
 * asked to apply the initial sync). Typing goes through a doc of its own, so its updates are
 * real Yjs updates with a clock per keystroke.
 */
export class BenchClient {
  /**
   * A guid of our own: Yjs makes a random one otherwise, with some thirty calls into the
   * system's random source, which cost the generator ~0.25 ms a client in a storm of 500. The
   * guid never leaves this process (only subdocuments use it).
   */
  readonly doc = new Y.Doc({ guid: 'bench-client' });
  readonly ws: WebSocket;
  /** Resolves with the time (performance.now) the server's sync step 2 arrived. */
  readonly synced: Promise<number>;
  /** Data frames received, of any kind. */
  framesReceived = 0;
  readonly #options: BenchClientOptions;
  #awarenessClock = 0;
  #roundTrips: Array<() => void> = [];
  #isSynced = false;

  constructor(options: BenchClientOptions) {
    this.#options = options;
    if (options.clientId !== undefined) this.doc.clientID = options.clientId;
    this.ws = new WebSocket(options.url, {
      headers: options.headers ?? {},
      perMessageDeflate: false,
    });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('error', () => {});
    this.synced = new Promise((resolve, reject) => {
      this.ws.on('close', (code) => {
        if (!this.#isSynced) reject(new Error(`closed with ${code} before the sync`));
      });
      this.ws.on('message', (data: Buffer) => {
        const at = performance.now();
        this.framesReceived++;
        const inner = options.framing.unwrap(
          new Uint8Array(data.buffer, data.byteOffset, data.length),
        );
        if (inner) this.#receive(inner, at, resolve);
      });
    });
    this.ws.on('open', () => {
      for (const frame of options.framing.opening()) this.ws.send(frame);
      this.sendSync((e) => syncProtocol.writeSyncStep1(e, this.doc));
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.sendSync((e) => syncProtocol.writeUpdate(e, update));
    });
  }

  /**
   * Inserts one character at the end of `text` (default: a paragraph of its own, made with the
   * first keystroke, as the server accepts only content in the paper schema); returns the clock
   * its update starts at.
   */
  type(text?: Y.XmlText): number {
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    this.doc.transact(() => {
      const target = text ?? this.#ownText();
      target.insert(target.length, String.fromCharCode(97 + (clock % 26)));
    });
    return clock;
  }

  #ownParagraph: Y.XmlText | null = null;

  #ownText(): Y.XmlText {
    if (this.#ownParagraph) return this.#ownParagraph;
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    this.doc.getXmlFragment('default').insert(0, [paragraph]);
    this.#ownParagraph = text;
    return text;
  }

  /** Sends an update as the client's own (the seeder's whole paper). */
  sendUpdate(update: Uint8Array): void {
    this.sendSync((e) => syncProtocol.writeUpdate(e, update));
  }

  /** Resolves when the server answered a new sync step 1: everything sent before was handled. */
  roundTrip(): Promise<void> {
    const done = new Promise<void>((resolve) => this.#roundTrips.push(resolve));
    this.sendSync((e) => syncProtocol.writeSyncStep1(e, new Y.Doc()));
    return done;
  }

  /** Announces (or renews, with the same state) this client's presence, as y-protocols does. */
  sendPresence(state: Record<string, unknown>): void {
    this.#awarenessClock++;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, this.doc.clientID);
    encoding.writeVarUint(encoder, this.#awarenessClock);
    encoding.writeVarString(encoder, JSON.stringify(state));
    const payload = encoding.toUint8Array(encoder);
    this.#send(message(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, payload)));
  }

  sendSync(write: (encoder: encoding.Encoder) => void): void {
    this.#send(message(MESSAGE_SYNC, write));
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }

  #send(data: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(this.#options.framing.wrap(data));
  }

  #receive(data: Uint8Array, at: number, resolveSynced: (at: number) => void): void {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1:
        this.sendSync((e) => {
          encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
          encoding.writeVarUint8Array(e, EMPTY_UPDATE);
        });
        return;
      case syncProtocol.messageYjsSyncStep2: {
        if (!this.#isSynced) {
          this.#isSynced = true;
          if (this.#options.applySync) {
            Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), this);
          }
          resolveSynced(at);
        } else {
          this.#roundTrips.shift()?.();
        }
        return;
      }
      case syncProtocol.messageYjsUpdate:
        this.#options.onUpdate?.(decoding.readVarUint8Array(decoder), at);
        return;
    }
  }
}
