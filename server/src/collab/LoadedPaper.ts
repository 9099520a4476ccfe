import * as Y from 'yjs';
import type { DocName } from '@standpunt/shared';
import type { ServerConfig } from '../config.js';
import type { DocumentStore, StoredPaper } from '../storage/DocumentStore.js';
import type { AwarenessSweeper } from './AwarenessSweeper.js';
import type { CompactionQueue } from './CompactionQueue.js';
import { DocRoom, isEmptyUpdate, type DocRoomOptions } from './DocRoom.js';
import type { InspectedUpdate } from './inspectUpdate.js';
import type { PaperMessages, Peers } from './Peers.js';
import type { AwarenessLimits } from './sanitizeAwarenessUpdate.js';
import { validateContentUpdate } from './validateContentUpdate.js';
import { serverActionOrigin } from './transactionOrigins.js';

/** The settings a loaded paper uses: when to compact, and what clients may send. */
export type PaperConfig = Pick<
  ServerConfig,
  | 'compactAfterUpdates'
  | 'compactIntervalMs'
  | 'log'
  | 'maxAwarenessClientsPerConnection'
  | 'maxAwarenessStateBytes'
>;

export interface LoadedPaperOptions {
  store: DocumentStore;
  config: PaperConfig;
  /** The shared timer that drops stale presence; each room joins it while it exists. */
  sweeper?: AwarenessSweeper;
  /** Where background compactions wait their turn, shared by all papers. */
  compactions: CompactionQueue;
  /** The other server processes, told of every update stored here; absent when alone. */
  peers?: Peers;
}

/**
 * A paper in memory: its content and threads rooms, and when to compact their stored log
 * (after `compactAfterUpdates` updates, `compactIntervalMs` after the first uncompacted one,
 * and when it is unloaded). The threads room is made only when something uses it: most open
 * papers are being edited, and an idle paper then costs one Y.Doc instead of two.
 */
export class LoadedPaper implements PaperMessages {
  readonly content: DocRoom;
  #threads: DocRoom | null = null;
  /**
   * The stored threads doc, as one update, until its room is made; null when it holds nothing
   * (most papers have no threads, and their empty doc is not worth keeping bytes for).
   */
  #storedThreads: Uint8Array | null;
  readonly #options: LoadedPaperOptions;
  #uncompactedUpdates = 0;
  /** Also true when the stored state came with logged updates still to fold in. */
  #dirty: boolean;
  #compactTimer: ReturnType<typeof setTimeout> | null = null;
  #destroyed = false;

  constructor(
    readonly paperId: string,
    stored: StoredPaper | null,
    options: LoadedPaperOptions,
  ) {
    this.#options = options;
    this.content = this.#createRoom('content', stored?.content ?? []);
    const threads = (stored?.threads ?? []).filter((update) => !isEmptyUpdate(update));
    this.#storedThreads =
      threads.length === 0 ? null : threads.length === 1 ? threads[0]! : Y.mergeUpdates(threads);
    this.#dirty = stored === null || stored.content.length > 1 || stored.threads.length > 1;
  }

  /** The threads room, made from the stored threads doc on first use. */
  get threads(): DocRoom {
    if (this.#threads === null) {
      this.#threads = this.#createRoom('threads', this.#storedThreads ? [this.#storedThreads] : []);
      this.#storedThreads = null;
    }
    return this.#threads;
  }

  /** The settings this paper runs with. */
  get config(): PaperConfig {
    return this.#options.config;
  }

  room(doc: DocName): DocRoom {
    return doc === 'content' ? this.content : this.threads;
  }

  get connectionCount(): number {
    return this.content.connectionCount + (this.#threads?.connectionCount ?? 0);
  }

  /**
   * Changes one of the paper's docs as the server (threads from the API, an accepted
   * suggestion): one transaction, made at once (what `change` reads is what it changes), then
   * stored and relayed to every client. Resolves once stored; rejects when storing failed.
   */
  async transact<T>(doc: DocName, action: string, change: (ydoc: Y.Doc) => T): Promise<T> {
    if (this.#destroyed) throw new Error(`paper ${this.paperId} is unloaded`);
    const room = this.room(doc);
    let result!: T;
    Y.transact(room.doc, () => (result = change(room.doc)), serverActionOrigin(action));
    await room.whenStored();
    return result;
  }

  /** Folds the update log into a snapshot, if anything changed since the last one. */
  async compact(): Promise<void> {
    this.#clearTimer();
    // Updates of this tick not yet logged go into the log first, like any other; the
    // snapshot then holds everything the log does.
    this.content.flush();
    this.#threads?.flush();
    await Promise.allSettled([this.content.whenStored(), this.#threads?.whenStored()]);
    if (!this.#dirty) return;
    this.#dirty = false;
    this.#uncompactedUpdates = 0;
    try {
      await this.#options.store.compact(this.paperId, {
        content: Y.encodeStateAsUpdate(this.content.doc),
        threads: this.#threads
          ? Y.encodeStateAsUpdate(this.#threads.doc)
          : (this.#storedThreads ?? EMPTY_DOC),
      });
    } catch (error) {
      // Nothing is lost (the log still has every update); try again next time.
      this.#dirty = true;
      throw error;
    }
  }

  /** Drops the docs; call after the last connection left and after {@link compact}. */
  destroy(): void {
    this.#destroyed = true;
    this.#clearTimer();
    for (const room of [this.content, this.#threads]) {
      if (!room) continue;
      this.#options.sweeper?.delete(room);
      room.destroy();
    }
  }

  /**
   * Logs a change one of its rooms made (their `persist`), before the room relays it, and
   * counts it towards the next compaction. With peers, they are told once it is stored; the
   * room relays only after that, so that no client anywhere sees what another process's
   * clients may never see.
   */
  storeUpdate(doc: DocName, update: Uint8Array): void | Promise<void> {
    const written = this.#options.store.append(this.paperId, doc, update);
    this.#noteUpdate();
    const { peers } = this.#options;
    if (!peers) return written;
    return Promise.resolve(written).then(() => peers.publishUpdate(this.paperId, doc, update));
  }

  /** An update another process stored (see `Peers`): relayed here, not stored again. */
  update(doc: DocName, update: Uint8Array): void {
    if (!this.#destroyed) this.room(doc).applyPeerUpdate(update);
  }

  /** Presence shown on another process; a threads doc nobody here uses has no one to tell. */
  presence(doc: DocName, update: Uint8Array): void {
    if (this.#destroyed || (doc === 'threads' && this.#threads === null)) return;
    this.room(doc).applyPeerPresence(update);
  }

  /** Hands presence this process's connections showed to the other processes. */
  sharePresence(doc: DocName, update: Uint8Array): void {
    this.#options.peers?.publishPresence(this.paperId, doc, update);
  }

  /** Whether the paper has peers to share presence with. */
  get hasPeers(): boolean {
    return this.#options.peers !== undefined;
  }

  #createRoom(doc: DocName, updates: Uint8Array[]): DocRoom {
    const room = new DocRoom(new PaperRoomOptions(this, doc), updates);
    this.#options.sweeper?.add(room);
    return room;
  }

  #noteUpdate(): void {
    this.#dirty = true;
    this.#uncompactedUpdates++;
    const { compactAfterUpdates, compactIntervalMs } = this.#options.config;
    if (this.#uncompactedUpdates >= compactAfterUpdates) {
      this.#compactInBackground();
    } else if (this.#compactTimer === null) {
      this.#compactTimer = setTimeout(() => this.#compactInBackground(), compactIntervalMs);
      this.#compactTimer.unref();
    }
  }

  /** Queues a compaction; it runs in a later turn, not inside the update handler calling us. */
  #compactInBackground(): void {
    this.#clearTimer();
    this.#options.compactions.add(this, async () => {
      if (this.#destroyed || this.#uncompactedUpdates === 0) return;
      await this.compact().catch((error: unknown) => {
        this.#options.config.log(`could not compact paper ${this.paperId}: ${String(error)}`);
      });
    });
  }

  #clearTimer(): void {
    if (this.#compactTimer !== null) clearTimeout(this.#compactTimer);
    this.#compactTimer = null;
  }
}

/** The state of a doc that holds nothing (`Y.encodeStateAsUpdate(new Y.Doc())`). */
const EMPTY_DOC = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * What a room of a loaded paper is told: where to store its changes, what to log, what
 * clients may send. A class, so that a room holds one small object whose methods all rooms
 * share, rather than closures of its own (which would also keep the stored bytes the room was
 * loaded from alive for as long as the room lives).
 */
class PaperRoomOptions implements DocRoomOptions {
  constructor(
    private readonly paper: LoadedPaper,
    private readonly doc: DocName,
  ) {}

  get name(): string {
    return `${this.paper.paperId}/${this.doc}`;
  }

  get awarenessLimits(): AwarenessLimits {
    const { maxAwarenessClientsPerConnection, maxAwarenessStateBytes } = this.paper.config;
    return { maxClients: maxAwarenessClientsPerConnection, maxStateBytes: maxAwarenessStateBytes };
  }

  persist(update: Uint8Array): void | Promise<void> {
    return this.paper.storeUpdate(this.doc, update);
  }

  get sharePresence(): ((update: Uint8Array) => void) | undefined {
    return this.paper.hasPeers
      ? (update: Uint8Array) => this.paper.sharePresence(this.doc, update)
      : undefined;
  }

  log(message: string): void {
    this.paper.config.log(message);
  }

  /**
   * The content must stay within the paper schema; the threads doc is read-only for clients,
   * so only the dependency checks apply there.
   */
  validate(update: InspectedUpdate): void {
    if (this.doc === 'content') validateContentUpdate(update);
  }
}
