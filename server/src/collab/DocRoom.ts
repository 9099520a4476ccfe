import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '@standpunt/shared';
import type { RoomConnection } from './RoomConnection.js';
import { sanitizeAwarenessUpdate } from './sanitizeAwarenessUpdate.js';
import { exhaustive, toTransactionOrigin, type TransactionOrigin } from './transactionOrigins.js';

/** WebSocket close code for a server-side failure (RFC 6455): the client may reconnect. */
const INTERNAL_ERROR = 1011;

export interface DocRoomOptions {
  /** For log lines, e.g. `abc123/threads`. */
  name: string;
  /**
   * Stores a change before it is relayed (not called for storage-load transactions). When it
   * throws, the change is not relayed and the connection that sent it is closed.
   */
  persist(update: Uint8Array, origin: TransactionOrigin): void;
  log(message: string): void;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Thrown from the update handler so the message handler can tell a storage failure apart. */
class PersistFailure extends Error {}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

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
 */
export class DocRoom {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly #options: DocRoomOptions;
  readonly #connections = new Set<RoomConnection>();
  /** Which connection speaks for an awareness client id. */
  readonly #awarenessOwners = new Map<number, RoomConnection>();

  constructor(options: DocRoomOptions) {
    this.#options = options;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // Awareness starts a timer per instance; stale entries are swept for all rooms by one
    // shared timer instead (AwarenessSweeper).
    clearInterval(
      (this.awareness as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval,
    );
    // The server itself is nobody's presence.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.#onUpdate);
    this.awareness.on('update', this.#onAwarenessUpdate);
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Starts the sync: sends sync step 1 and the current awareness states. */
  addConnection(connection: RoomConnection): void {
    this.#connections.add(connection);
    connection.send(syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, this.doc)));
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) {
      connection.send(
        awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)),
      );
    }
  }

  /** Forgets a connection and removes (and announces the removal of) its awareness entries. */
  removeConnection(connection: RoomConnection): void {
    if (!this.#connections.delete(connection)) return;
    const clients = [...connection.awarenessClients];
    awarenessProtocol.removeAwarenessStates(this.awareness, clients, connection.origin);
    for (const clientId of clients) {
      if (this.#awarenessOwners.get(clientId) === connection)
        this.#awarenessOwners.delete(clientId);
    }
    connection.awarenessClients.clear();
  }

  /**
   * Handles one frame from a connection. Never throws: a frame that cannot be handled closes
   * that connection (4400, or 1011 when storing failed) and leaves the room as it was.
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
        case MessageType.queryAwareness:
          connection.send(
            awarenessMessage(
              awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
                ...this.awareness.getStates().keys(),
              ]),
            ),
          );
          break;
        default:
          throw new Error(`unknown message type ${type}`);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof PersistFailure) {
        this.#options.log(`collab ${this.#options.name}: could not store an update: ${reason}`);
        connection.close(INTERNAL_ERROR, 'storage failure');
      } else {
        this.#options.log(
          `collab ${this.#options.name}: malformed message from ${connection.identity.userId}: ${reason}`,
        );
        connection.close(CloseCode.malformedMessage, 'malformed message');
      }
    }
  }

  /** Removes awareness entries not renewed within `timeoutMs`; returns how many. */
  removeStaleAwareness(now: number, timeoutMs: number): number {
    const stale: number[] = [];
    for (const [clientId, meta] of this.awareness.meta) {
      if (this.awareness.states.has(clientId) && now - meta.lastUpdated >= timeoutMs) {
        stale.push(clientId);
      }
    }
    if (stale.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, stale, 'timeout');
    return stale.length;
  }

  /** Releases the doc; the connections must have been removed. */
  destroy(): void {
    this.doc.off('update', this.#onUpdate);
    this.awareness.off('update', this.#onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  #handleSync(connection: RoomConnection, decoder: decoding.Decoder): void {
    // Decoded here rather than with readSyncMessage, which only console.errors a failed update
    // and cannot skip the updates of a read-only connection.
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1:
        connection.send(
          syncMessage((encoder) => syncProtocol.readSyncStep1(decoder, encoder, this.doc)),
        );
        return;
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        // Refused without closing: the connection stays open and keeps receiving the doc.
        if (connection.readOnly) {
          connection.refuseWrite();
          return;
        }
        Y.applyUpdate(this.doc, update, connection.origin);
        return;
      }
      default:
        throw new Error(`unknown sync message type ${syncType}`);
    }
  }

  #handleAwareness(connection: RoomConnection, update: Uint8Array): void {
    const sanitized = sanitizeAwarenessUpdate(update, connection, (clientId) =>
      this.#awarenessOwners.get(clientId),
    );
    if (sanitized)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, sanitized, connection.origin);
  }

  readonly #onUpdate = (update: Uint8Array, rawOrigin: unknown): void => {
    const origin = toTransactionOrigin(rawOrigin);
    let sender: RoomConnection | null;
    switch (origin.kind) {
      case 'storageLoad':
        return;
      case 'remote':
        sender = origin.connection;
        break;
      case 'serverAction':
        sender = null;
        break;
      default:
        exhaustive(origin);
    }
    try {
      this.#options.persist(update, origin);
    } catch (error) {
      throw new PersistFailure(error instanceof Error ? error.message : String(error));
    }
    const message = syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update));
    for (const connection of this.#connections) {
      if (connection !== sender) connection.send(message);
    }
  };

  readonly #onAwarenessUpdate = (change: AwarenessChange, rawOrigin: unknown): void => {
    const origin = toTransactionOrigin(rawOrigin);
    if (origin.kind === 'remote') {
      const { connection } = origin;
      for (const clientId of [...change.added, ...change.updated]) {
        connection.awarenessClients.add(clientId);
        this.#awarenessOwners.set(clientId, connection);
      }
      for (const clientId of change.removed) {
        connection.awarenessClients.delete(clientId);
        if (this.#awarenessOwners.get(clientId) === connection) {
          this.#awarenessOwners.delete(clientId);
        }
      }
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    const message = awarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
    );
    // To the sender as well: a y-websocket client that hears nothing for 30 s reconnects, and
    // the echo of its own renewal (every 15 s) is what it hears when it is alone.
    for (const connection of this.#connections) connection.send(message);
  };
}
