/**
 * One simulated editor for the load run: a full Yjs doc that applies everything it receives
 * (so convergence can be checked), its own paragraph to type into, and presence with a cursor,
 * as the browser's TipTap + WebsocketProvider would send it.
 */
import { randomUUID } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT, MessageType, roomName } from '@standpunt/shared';

export interface LoadClientCounters {
  updatesReceived: number;
  presenceReceived: number;
  errors: string[];
}

export class LoadClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly ws: WebSocket;
  readonly synced: Promise<void>;
  keystrokes = 0;
  #text: Y.XmlText | null = null;
  #roundTrips: Array<() => void> = [];
  #closing = false;

  constructor(
    baseUrl: string,
    readonly paperId: string,
    cookie: string,
    readonly name: string,
    private readonly counters: LoadClientCounters,
  ) {
    const url = `${baseUrl.replace(/^http/, 'ws')}/collab/${roomName(paperId, 'content')}`;
    this.ws = new WebSocket(url, {
      headers: { Cookie: cookie },
      origin: baseUrl,
      perMessageDeflate: false,
    });
    this.ws.on('error', (error) => counters.errors.push(`${name}: socket error ${error.message}`));
    this.ws.on('close', (code, reason) => {
      if (!this.#closing) counters.errors.push(`${name}: closed with ${code} ${reason.toString()}`);
    });
    this.synced = new Promise((resolve) => {
      this.ws.on('message', (data: Buffer) => this.#receive(new Uint8Array(data), resolve));
    });
    this.ws.on('open', () => this.#sendSync((e) => syncProtocol.writeSyncStep1(e, this.doc)));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.#sendSync((e) => syncProtocol.writeUpdate(e, update));
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
        if (origin === this) return;
        const changed = [...added!, ...updated!, ...removed!];
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.awareness);
        encoding.writeVarUint8Array(
          encoder,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
        );
        this.#send(encoding.toUint8Array(encoder));
      },
    );
  }

  /** Adds this client's own paragraph (a block id, text inside) and announces its presence. */
  begin(): void {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('id', randomUUID());
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    const fragment = this.doc.getXmlFragment(CONTENT_FRAGMENT);
    fragment.insert(fragment.length, [paragraph]);
    this.#text = text;
    this.awareness.setLocalState({ user: { name: this.name, color: '#1f6fb2' }, cursor: null });
  }

  /** One keystroke at the end of its paragraph, and the cursor moved after it. */
  type(): void {
    if (!this.#text) return;
    this.#text.insert(this.#text.length, String.fromCharCode(97 + (this.keystrokes++ % 26)));
    const position = Y.createRelativePositionFromTypeIndex(this.#text, this.#text.length);
    const encoded = Buffer.from(Y.encodeRelativePosition(position)).toString('base64');
    this.awareness.setLocalStateField('cursor', { anchor: encoded, head: encoded });
  }

  /** Resolves once the server answered a new sync step 1: all sent before was handled. */
  roundTrip(): Promise<void> {
    const answered = new Promise<void>((resolve) => this.#roundTrips.push(resolve));
    this.#sendSync((e) => syncProtocol.writeSyncStep1(e, this.doc));
    return answered;
  }

  close(): Promise<void> {
    this.#closing = true;
    this.awareness.destroy();
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }

  #receive(data: Uint8Array, resolveSynced: () => void): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.awareness) {
      this.counters.presenceReceived++;
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        decoding.readVarUint8Array(decoder),
        this,
      );
      return;
    }
    if (type !== MessageType.sync) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MessageType.sync);
    const syncType = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
    if (encoding.length(reply) > 1) this.#send(encoding.toUint8Array(reply));
    if (syncType === syncProtocol.messageYjsUpdate) this.counters.updatesReceived++;
    if (syncType === syncProtocol.messageYjsSyncStep2) {
      resolveSynced();
      this.#roundTrips.shift()?.();
    }
  }

  #sendSync(write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    write(encoder);
    this.#send(encoding.toUint8Array(encoder));
  }

  #send(data: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data);
  }
}
