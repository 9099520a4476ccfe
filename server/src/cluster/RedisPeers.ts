/**
 * `Peers` over Redis pub/sub: one channel per paper (`standpunt:paper:<id>`) that the
 * processes holding the paper subscribe to, one for access changes and one for ended sessions. Messages are binary:
 * the sending process's id (so that a process skips its own), a kind, the doc, the bytes.
 *
 * Two connections, as Redis wants: a subscribed connection can do nothing else. Neither queues
 * commands while disconnected: an update that cannot be told to the others now must fail now,
 * so that it is not relayed here either.
 */
import { randomBytes } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Redis } from 'ioredis';
import { DOC_NAMES, type DocName } from '@standpunt/shared';
import type { SignOut } from '../collab/CollabIdentity.js';
import type { PaperMessages, Peers } from '../collab/Peers.js';
import { closeAll, connectAll, newRedisConnection } from './redisConnection.js';

const PAPER_CHANNEL_PREFIX = 'standpunt:paper:';
const ACCESS_CHANNEL = 'standpunt:access';
const SIGN_OUT_CHANNEL = 'standpunt:signout';

const enum Kind {
  update = 0,
  presence = 1,
}

export class RedisPeers implements Peers {
  readonly #id = randomBytes(8).toString('hex');
  readonly #pub: Redis;
  readonly #sub: Redis;
  readonly #log: (message: string) => void;
  /** Per paper channel, who hears it here: the loaded paper (one per process). */
  readonly #papers = new Map<string, PaperMessages>();
  #onAccessChanged: (paperId: string) => void = () => {};
  #onSignedOut: (who: SignOut) => void = () => {};
  #onConnectedChange: (connected: boolean) => void = () => {};
  #connected = false;
  #closed = false;

  /** Connects both connections; rejects (naming host and port, never a password) when not. */
  static async connect(url: string, log: (message: string) => void): Promise<RedisPeers> {
    const peers = new RedisPeers(url, log);
    try {
      await connectAll(url, [peers.#pub, peers.#sub]);
      await peers.#sub.subscribe(ACCESS_CHANNEL, SIGN_OUT_CHANNEL);
    } catch (error) {
      await peers.close();
      throw error;
    }
    peers.#connected = true;
    return peers;
  }

  private constructor(url: string, log: (message: string) => void) {
    this.#log = log;
    this.#pub = newRedisConnection(url);
    this.#sub = newRedisConnection(url);
    for (const connection of [this.#pub, this.#sub]) {
      connection.on('close', () => this.#updateConnected());
      connection.on('ready', () => this.#updateConnected());
    }
    this.#sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.#receive(channel.toString(), message),
    );
  }

  get connected(): boolean {
    return this.#connected;
  }

  async publishUpdate(paperId: string, doc: DocName, update: Uint8Array): Promise<void> {
    await this.#pub.publish(paperChannel(paperId), this.#encode(Kind.update, doc, update));
  }

  publishPresence(paperId: string, doc: DocName, update: Uint8Array): void {
    if (!this.#connected) return;
    this.#pub.publish(paperChannel(paperId), this.#encode(Kind.presence, doc, update)).catch(
      () => {}, // renewed within 15 s; the connection's loss is handled where it is noticed
    );
  }

  async listen(paperId: string, messages: PaperMessages): Promise<() => void> {
    const channel = paperChannel(paperId);
    this.#papers.set(channel, messages);
    try {
      await this.#sub.subscribe(channel);
    } catch (error) {
      this.#papers.delete(channel);
      throw error;
    }
    return () => {
      if (this.#papers.get(channel) !== messages) return;
      this.#papers.delete(channel);
      // When this fails the connection is gone, and with it the subscription.
      this.#sub.unsubscribe(channel).catch(() => {});
    };
  }

  async publishAccessChanged(paperId: string): Promise<void> {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.#id);
    encoding.writeVarString(encoder, paperId);
    await this.#pub.publish(ACCESS_CHANNEL, Buffer.from(encoding.toUint8Array(encoder)));
  }

  onAccessChanged(listener: (paperId: string) => void): void {
    this.#onAccessChanged = listener;
  }

  async publishSignedOut(who: SignOut): Promise<void> {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.#id);
    encoding.writeVarString(encoder, JSON.stringify(who));
    await this.#pub.publish(SIGN_OUT_CHANNEL, Buffer.from(encoding.toUint8Array(encoder)));
  }

  onSignedOut(listener: (who: SignOut) => void): void {
    this.#onSignedOut = listener;
  }

  onConnectedChange(listener: (connected: boolean) => void): void {
    this.#onConnectedChange = listener;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#connected = false;
    await closeAll([this.#pub, this.#sub]);
  }

  /**
   * Connected when both connections are ready. ioredis subscribes the sub connection to its
   * channels again when it is back, before it reports ready.
   */
  #updateConnected(): void {
    if (this.#closed) return;
    const connected = this.#pub.status === 'ready' && this.#sub.status === 'ready';
    if (connected === this.#connected) return;
    this.#connected = connected;
    this.#onConnectedChange(connected);
  }

  #encode(kind: Kind, doc: DocName, bytes: Uint8Array): Buffer {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.#id);
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarString(encoder, doc);
    encoding.writeVarUint8Array(encoder, bytes);
    return Buffer.from(encoding.toUint8Array(encoder));
  }

  #receive(channel: string, message: Buffer): void {
    try {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarString(decoder) === this.#id) return;
      if (channel === ACCESS_CHANNEL) {
        this.#onAccessChanged(decoding.readVarString(decoder));
        return;
      }
      if (channel === SIGN_OUT_CHANNEL) {
        this.#onSignedOut(JSON.parse(decoding.readVarString(decoder)) as SignOut);
        return;
      }
      const paper = this.#papers.get(channel);
      if (!paper) return;
      const kind = decoding.readVarUint(decoder);
      const doc = decoding.readVarString(decoder);
      const bytes = decoding.readVarUint8Array(decoder);
      if (!(DOC_NAMES as readonly string[]).includes(doc)) throw new Error(`unknown doc ${doc}`);
      if (kind === Kind.update) paper.update(doc as DocName, bytes);
      else if (kind === Kind.presence) paper.presence(doc as DocName, bytes);
      else throw new Error(`unknown kind ${kind}`);
    } catch (error) {
      // Only our processes write these channels; a message we cannot read is a bug to see.
      this.#log(`peers: could not handle a message on ${channel}: ${String(error)}`);
    }
  }
}

function paperChannel(paperId: string): string {
  return `${PAPER_CHANNEL_PREFIX}${paperId}`;
}
