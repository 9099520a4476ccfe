import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '@standpunt/shared';
import {
  inspectUpdate,
  MissingDependencies,
  RefusedUpdate,
  type InspectedUpdate,
} from './inspectUpdate.js';
import type { RoomConnection } from './RoomConnection.js';
import { SyncStateCache } from './SyncStateCache.js';
import {
  DEFAULT_AWARENESS_LIMITS,
  sanitizeAwarenessUpdate,
  type AwarenessLimits,
} from './sanitizeAwarenessUpdate.js';
import {
  exhaustive,
  peerOrigin,
  storageLoadOrigin,
  toTransactionOrigin,
} from './transactionOrigins.js';

/** WebSocket close code for a server-side failure (RFC 6455): the client may reconnect. */
const INTERNAL_ERROR = 1011;

/**
 * Updates with missing dependencies one connection may have held back, and their bytes: a
 * typist's keystrokes during one reconnect's round trip fit many times over; a client that
 * sends only gaps is closed when it reaches either.
 */
const MAX_HELD_UPDATES = 256;
const MAX_HELD_BYTES = 1024 * 1024;

export interface DocRoomOptions {
  /** For log lines, e.g. `abc123/threads`. */
  name: string;
  /**
   * Stores a change before it is relayed (not called for storage-load transactions). The
   * changes clients send within one event-loop tick arrive merged, in one call. A store that
   * writes synchronously returns when the change is durable; one that does not returns a
   * promise, and the room then calls again only once it settled, with everything that arrived
   * meanwhile as one batch. When it fails, the change is not relayed and the connections that
   * sent it are closed (1011).
   */
  persist(update: Uint8Array): void | Promise<void>;
  log(message: string): void;
  /**
   * Refuses (throws) a client's update that is well-formed but not allowed in this doc, e.g.
   * content outside the paper schema. Runs before anything is applied. Default: all allowed.
   */
  validate?(update: InspectedUpdate): void;
  /** Presence entries per connection and their size. Default: the server's defaults. */
  awarenessLimits?: AwarenessLimits;
  /**
   * Runs `flush` once the current batch of incoming frames has been handled. Default:
   * `setImmediate`, i.e. after every socket that had data in this turn of the event loop.
   */
  schedule?(flush: () => void): void;
  /**
   * Hands presence that this process's connections showed (changed or renewed) to the other
   * server processes, once per tick as one awareness update. Absent when the process is alone.
   */
  sharePresence?(update: Uint8Array): void;
}

/**
 * An update applied to the doc, waiting to be stored and relayed with its tick: a client's,
 * or the server's own (`sender` null: a server action, relayed to everyone).
 */
interface PendingUpdate {
  update: Uint8Array;
  sender: RoomConnection | null;
}

/** A promise with its settling functions at hand. */
interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be waiting: a failure is handled where the batch is, not here.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** An update with no structs and no deletions: `[0, 0]` in Yjs' v1 encoding. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** An awareness update with no entries: what a room nobody showed presence in has to tell. */
const NO_AWARENESS = Uint8Array.of(0);
const NO_STATES: ReadonlyMap<number, Record<string, unknown>> = new Map();

/** Yjs' default, shared: every doc would otherwise get a closure of its own. */
const keepEverything = (): boolean => true;

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * One Y.Doc, its awareness and the connections on it, speaking the y-websocket protocol
 * (y-protocols sync and awareness). Every change is persisted before it is relayed, and
 * relayed as one encoded frame to every other connection.
 *
 * Under load the room works per event-loop tick: the updates clients sent in one tick are
 * merged, stored with one write and relayed as one frame, so 100 typists cost one send per
 * connection per tick rather than one per keystroke. Presence changes are relayed once per
 * tick too; presence that was only renewed (same state, to keep it from timing out) waits for
 * the shared sweeper's next pass — a few seconds, well within the 30 s timeout.
 *
 * Many papers are open with nobody showing presence in them (a reader, an API call): the
 * awareness and its bookkeeping are made when the first presence arrives, not before.
 */
export class DocRoom {
  readonly doc = new Y.Doc({ gcFilter: keepEverything });
  readonly #options: DocRoomOptions;
  readonly #connections = new Set<RoomConnection>();
  #awareness: awarenessProtocol.Awareness | null = null;
  /** Which connection speaks for an awareness client id; made with the awareness. */
  #awarenessOwners: Map<number, RoomConnection> | null = null;
  readonly #syncCache: SyncStateCache;
  #pendingUpdates: PendingUpdate[] = [];
  /** Awareness entries to relay, and whether one of them must go out this tick. */
  #pendingPresence: Set<number> | null = null;
  /** Of those, the entries this process's connections speak for: the other processes' due. */
  #presenceToShare: Set<number> | null = null;
  #presenceChanged = false;
  #flushScheduled = false;
  /** The batch an asynchronous store is writing; the next one waits for it. */
  #storing: Promise<void> | null = null;
  /** Settles once the updates pending now are stored (made when someone waits for them). */
  #pendingStored: Deferred | null = null;

  /** @param stored the doc's stored updates, in order: the room starts from them. */
  constructor(options: DocRoomOptions, stored: readonly Uint8Array[] = []) {
    this.#options = options;
    this.#syncCache = new SyncStateCache(this.doc);
    // Applied before the room listens: with a listener, Yjs encodes the whole loaded state
    // once more as an update event, which took a fifth of loading a long paper.
    Y.transact(
      this.doc,
      () => {
        for (const update of stored) Y.applyUpdate(this.doc, update);
      },
      storageLoadOrigin,
    );
    this.doc.on('update', this.#onUpdate);
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  /** The presence states in the room, by awareness client id. */
  get presenceStates(): ReadonlyMap<number, Record<string, unknown>> {
    return this.#awareness?.getStates() ?? NO_STATES;
  }

  /** Starts the sync: sends sync step 1 and the current awareness states. */
  addConnection(connection: RoomConnection): void {
    this.#connections.add(connection);
    connection.send(this.#syncCache.step1());
    const awareness = this.#awareness;
    if (awareness && awareness.getStates().size > 0) {
      const clients = [...awareness.getStates().keys()];
      connection.send(
        awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients)),
      );
    }
  }

  /** Forgets a connection and removes (and announces the removal of) its awareness entries. */
  removeConnection(connection: RoomConnection): void {
    if (!this.#connections.delete(connection)) return;
    connection.heldUpdates = null;
    const owned = connection.awarenessClients;
    if (!owned || !this.#awareness) return;
    const clients = [...owned];
    awarenessProtocol.removeAwarenessStates(this.#awareness, clients, connection.origin);
    for (const clientId of clients) {
      if (this.#awarenessOwners?.get(clientId) === connection)
        this.#awarenessOwners.delete(clientId);
    }
    connection.awarenessClients = null;
  }

  /**
   * Handles one frame from a connection. Never throws: a frame that cannot be handled closes
   * that connection (4400) and leaves the room as it was. (Storing happens at the end of the
   * tick; when it fails, the senders are closed with 1011.)
   */
  handleMessage(connection: RoomConnection, message: Uint8Array): void {
    if (!this.#connections.has(connection) || !connection.isOpen()) return;
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.sync:
          this.#handleSync(connection, decoder);
          break;
        case MessageType.awareness:
          this.#handleAwareness(connection, decoding.readVarUint8Array(decoder));
          break;
        case MessageType.queryAwareness: {
          const awareness = this.#awareness;
          connection.send(
            awarenessMessage(
              awareness
                ? awarenessProtocol.encodeAwarenessUpdate(awareness, [
                    ...awareness.getStates().keys(),
                  ])
                : NO_AWARENESS,
            ),
          );
          break;
        }
        default:
          throw new Error(`unknown message type ${type}`);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.#options.log(
        `collab ${this.#options.name}: malformed message from ${connection.identity.userId}: ${reason}`,
      );
      connection.close(CloseCode.malformedMessage, 'malformed message');
    }
  }

  /** Removes awareness entries not renewed within `timeoutMs`; returns how many. */
  removeStaleAwareness(now: number, timeoutMs: number): number {
    const awareness = this.#awareness;
    if (!awareness) return 0;
    const stale: number[] = [];
    for (const [clientId, meta] of awareness.meta) {
      if (awareness.states.has(clientId) && now - meta.lastUpdated >= timeoutMs) {
        stale.push(clientId);
      }
    }
    if (stale.length > 0) awarenessProtocol.removeAwarenessStates(awareness, stale, 'timeout');
    return stale.length;
  }

  /**
   * Applies an update another server process stored (see `Peers`) and relays it to this
   * room's connections at once: it is durable already, and is not stored again.
   */
  applyPeerUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, peerOrigin);
  }

  /** Applies presence shown on another server process and relays it with this tick's. */
  applyPeerPresence(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.#makeAwareness(), update, peerOrigin);
  }

  /** Drops encoded copies of the doc that no joining client asked for lately. */
  trimCaches(): void {
    this.#syncCache.trim();
  }

  /**
   * Stores and relays what is pending now, instead of at the end of the tick: the updates
   * clients sent, and changed presence (with `renewals`, also presence that was only renewed).
   * Never throws: when storing fails, the senders are closed with 1011.
   */
  flush({ renewals = false }: { renewals?: boolean } = {}): void {
    this.#flushUpdates();
    const pending = this.#pendingPresence;
    if (pending && (this.#presenceChanged || (renewals && pending.size > 0))) {
      this.#flushPresence(pending);
    }
  }

  /**
   * Resolves once every update applied so far is stored and relayed; rejects when storing
   * one of them failed.
   */
  whenStored(): Promise<void> {
    this.#flushUpdates();
    if (this.#pendingUpdates.length > 0) return (this.#pendingStored ??= deferred()).promise;
    return this.#storing ?? Promise.resolve();
  }

  /** Releases the doc; the connections must have been removed. */
  destroy(): void {
    this.flush({ renewals: true });
    this.doc.off('update', this.#onUpdate);
    this.#awareness?.destroy();
    this.doc.destroy();
  }

  #handleSync(connection: RoomConnection, decoder: decoding.Decoder): void {
    // Decoded here rather than with readSyncMessage, which only console.errors a failed update
    // and cannot skip the updates of a read-only connection.
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        // The answer is encoded from the doc: it goes out once what the doc holds is stored,
        // so that no client ever receives an update that a crash could still lose. When
        // storing fails, the asker resyncs rather than receive what was not stored.
        const answer = this.#syncCache.step2(stateVector);
        const stored = this.whenStored();
        if (this.#storing === null && this.#pendingUpdates.length === 0) {
          connection.send(answer);
          return;
        }
        stored.then(
          () => connection.send(answer),
          () => connection.close(INTERNAL_ERROR, 'storage failure'),
        );
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        // Refused without closing: the connection stays open and keeps receiving the doc.
        // Every client answers the server's sync step 1, mostly with an empty update: only an
        // update that would change something counts as an attempt to write.
        if (connection.readOnly) {
          if (!isEmptyUpdate(update)) connection.refuseWrite();
          return;
        }
        if (!isEmptyUpdate(update)) this.#receiveUpdate(connection, update);
        return;
      }
      default:
        throw new Error(`unknown sync message type ${syncType}`);
    }
  }

  /**
   * Applies an update, or holds it back while it misses dependencies the same connection may
   * still send. That is an honest client's case after a restart: y-websocket sends keystrokes
   * as soon as its socket opens, and when the server lost some of the client's earlier updates
   * (a crash before they were stored), those keystrokes arrive with a gap that the client's
   * answer to sync step 1 fills a moment later. Held updates are not applied, acknowledged,
   * relayed or stored until they pass; past the bound the connection is closed with 4400.
   */
  #receiveUpdate(connection: RoomConnection, update: Uint8Array): void {
    try {
      this.#applyChecked(connection, update);
    } catch (error) {
      if (!(error instanceof MissingDependencies)) throw error;
      const held = (connection.heldUpdates ??= []);
      const heldBytes = held.reduce((sum, each) => sum + each.byteLength, update.byteLength);
      if (held.length >= MAX_HELD_UPDATES || heldBytes > MAX_HELD_BYTES) {
        throw new RefusedUpdate(`too many updates with missing dependencies: ${error.message}`);
      }
      held.push(update);
      return;
    }
    this.#applyHeld(connection);
  }

  /** Applies what a connection held back and now can be, until nothing more can. */
  #applyHeld(connection: RoomConnection): void {
    const held = connection.heldUpdates;
    if (!held) return;
    for (let progress = true; progress && held.length > 0;) {
      progress = false;
      for (const update of [...held]) {
        try {
          this.#applyChecked(connection, update);
        } catch (error) {
          if (error instanceof MissingDependencies) continue;
          throw error;
        }
        held.splice(held.indexOf(update), 1);
        progress = true;
      }
    }
    if (held.length === 0) connection.heldUpdates = null;
  }

  /**
   * Applies a client's update only after it passed every check, so that a refused update is
   * never half applied: it must decode, leave nothing pending (no gaps, no unknown
   * dependencies) and pass `validate`. A refusal throws, which closes the sender with 4400.
   */
  #applyChecked(connection: RoomConnection, update: Uint8Array): void {
    const inspected = inspectUpdate(this.doc, update);
    this.#options.validate?.(inspected);
    const { store } = this.doc;
    const hadPending = store.pendingStructs !== null || store.pendingDs !== null;
    Y.applyUpdate(this.doc, update, connection.origin);
    if (!hadPending && (store.pendingStructs !== null || store.pendingDs !== null)) {
      // Cannot happen for an update inspectUpdate let through; if it does (a Yjs case it does
      // not model), dropping what is pending keeps it from piling up for as long as the room
      // lives, and the sender is told so. What was integrated stays: it is consistent.
      store.pendingStructs = null;
      store.pendingDs = null;
      throw new Error('update left pending structs after the check (dropped)');
    }
  }

  #handleAwareness(connection: RoomConnection, update: Uint8Array): void {
    const sanitized = sanitizeAwarenessUpdate(
      update,
      connection,
      (clientId) => this.#awarenessOwners?.get(clientId),
      this.#options.awarenessLimits ?? DEFAULT_AWARENESS_LIMITS,
    );
    if (sanitized) {
      awarenessProtocol.applyAwarenessUpdate(this.#makeAwareness(), sanitized, connection.origin);
    }
  }

  /** The room's awareness, made on the first presence someone shows. */
  #makeAwareness(): awarenessProtocol.Awareness {
    if (this.#awareness) return this.#awareness;
    const awareness = new awarenessProtocol.Awareness(this.doc);
    // Awareness starts a timer per instance; stale entries are swept for all rooms by one
    // shared timer instead (AwarenessSweeper). Its handle is let go as well.
    const timers = awareness as { _checkInterval: ReturnType<typeof setInterval> | undefined };
    clearInterval(timers._checkInterval);
    timers._checkInterval = undefined;
    // The server itself is nobody's presence.
    awareness.setLocalState(null);
    awareness.on('change', (change: AwarenessChange) => this.#onAwarenessChange(change));
    awareness.on('update', (change: AwarenessChange, origin: unknown) =>
      this.#onAwarenessUpdate(change, origin),
    );
    this.#awareness = awareness;
    this.#awarenessOwners = new Map();
    this.#pendingPresence = new Set();
    if (this.#options.sharePresence) this.#presenceToShare = new Set();
    return awareness;
  }

  readonly #onUpdate = (update: Uint8Array, rawOrigin: unknown): void => {
    this.#syncCache.invalidate();
    const origin = toTransactionOrigin(rawOrigin);
    switch (origin.kind) {
      case 'storageLoad':
        // Stored already, and applied before the room listens (see the constructor).
        return;
      case 'peer':
        // Stored already by the process that tells us; it cannot depend on this tick's
        // pending updates, which no one else has seen.
        this.#broadcast(update, null);
        return;
      case 'remote':
        this.#pendingUpdates.push({ update, sender: origin.connection });
        this.#scheduleFlush();
        return;
      case 'serverAction':
        // Stored at once (with what clients sent before), so that the API call that made it
        // fails when storing does: here with a synchronous store, else through whenStored.
        this.#pendingUpdates.push({ update, sender: null });
        this.#flushUpdates({ rethrow: true });
        return;
      default:
        exhaustive(origin);
    }
  };

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    const schedule = this.#options.schedule ?? ((flush: () => void) => setImmediate(flush));
    schedule(() => {
      this.#flushScheduled = false;
      this.flush();
    });
  }

  /**
   * Stores the pending updates with one write, then relays them as one frame. With an
   * asynchronous store, waits while a batch is being written: the batch after it takes
   * everything that arrived meanwhile. `rethrow`: a synchronous store's failure is thrown too
   * (to the server action that caused it), after the senders were closed.
   */
  #flushUpdates({ rethrow = false }: { rethrow?: boolean } = {}): void {
    const pending = this.#pendingUpdates;
    if (pending.length === 0 || this.#storing !== null) return;
    this.#pendingUpdates = [];
    const done = this.#pendingStored;
    this.#pendingStored = null;
    const update =
      pending.length === 1 ? pending[0]!.update : Y.mergeUpdates(pending.map((p) => p.update));
    const senders = new Set<RoomConnection>();
    let serverAction = false;
    for (const { sender } of pending) {
      if (sender) senders.add(sender);
      else serverAction = true;
    }
    // A lone client sender is spared its own update; with several, or with a server action,
    // everyone gets the merged frame (Yjs ignores what it has) rather than one encoding each.
    const [only] = senders;
    const except = !serverAction && senders.size === 1 ? (only ?? null) : null;
    let written: void | Promise<void>;
    try {
      written = this.#options.persist(update);
    } catch (error) {
      this.#storeFailed(senders, error);
      done?.reject(error);
      if (rethrow) throw error;
      return;
    }
    if (!(written instanceof Promise)) {
      this.#broadcast(update, except);
      done?.resolve();
      return;
    }
    this.#storing = written.then(
      () => {
        this.#storing = null;
        this.#broadcast(update, except);
        done?.resolve();
        this.#flushUpdates();
      },
      (error: unknown) => {
        this.#storing = null;
        this.#storeFailed(senders, error);
        done?.reject(error);
        this.#flushUpdates();
        throw error;
      },
    );
    // Whoever waits for this batch hears of a failure; the room itself has handled it.
    this.#storing.catch(() => {});
  }

  #storeFailed(senders: ReadonlySet<RoomConnection>, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.#options.log(`collab ${this.#options.name}: could not store an update: ${reason}`);
    for (const sender of senders) sender.close(INTERNAL_ERROR, 'storage failure');
  }

  #broadcast(update: Uint8Array, except: RoomConnection | null): void {
    const message = syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update));
    for (const connection of this.#connections) {
      if (connection !== except) connection.send(message);
    }
  }

  /** Presence whose state changed (not only renewed) goes out at the end of this tick. */
  #onAwarenessChange(change: AwarenessChange): void {
    if (change.added.length + change.updated.length + change.removed.length > 0) {
      this.#presenceChanged = true;
      this.#scheduleFlush();
    }
  }

  #onAwarenessUpdate(change: AwarenessChange, rawOrigin: unknown): void {
    const owners = this.#awarenessOwners;
    const pending = this.#pendingPresence;
    if (!owners || !pending) return;
    const origin = toTransactionOrigin(rawOrigin);
    if (origin.kind === 'remote') {
      const { connection } = origin;
      const owned = [...change.added, ...change.updated];
      if (owned.length > 0) connection.awarenessClients ??= new Set();
      for (const clientId of owned) {
        connection.awarenessClients?.add(clientId);
        owners.set(clientId, connection);
      }
      for (const clientId of change.removed) {
        connection.awarenessClients?.delete(clientId);
        if (owners.get(clientId) === connection) owners.delete(clientId);
      }
      const toShare = this.#presenceToShare;
      if (toShare) for (const clientId of [...owned, ...change.removed]) toShare.add(clientId);
    }
    for (const clientId of [...change.added, ...change.updated, ...change.removed]) {
      pending.add(clientId);
    }
  }

  /** Relays every pending presence entry, in its latest state, as one frame to everyone. */
  #flushPresence(pending: Set<number>): void {
    const awareness = this.#awareness;
    const clients = [...pending].filter((id) => awareness?.meta.has(id));
    pending.clear();
    this.#presenceChanged = false;
    if (!awareness || clients.length === 0) return;
    const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
    // To the sender as well: a y-websocket client that hears nothing for 30 s reconnects, and
    // the echo of its own renewal (every 15 s) is what it hears when it is alone.
    for (const connection of this.#connections) connection.send(message);
    const toShare = this.#presenceToShare;
    if (toShare && toShare.size > 0) {
      const shared = clients.filter((clientId) => toShare.has(clientId));
      toShare.clear();
      if (shared.length > 0) {
        this.#options.sharePresence?.(awarenessProtocol.encodeAwarenessUpdate(awareness, shared));
      }
    }
  }
}
