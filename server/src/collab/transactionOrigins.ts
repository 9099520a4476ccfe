import type { RoomConnection } from './RoomConnection.js';

/** A change sent by a client over its connection. */
export interface RemoteOrigin {
  readonly kind: 'remote';
  readonly connection: RoomConnection;
}

/** Replaying stored state into a freshly loaded doc: already stored, nobody to tell. */
export interface StorageLoadOrigin {
  readonly kind: 'storageLoad';
}

/**
 * A change another server process stored and told us of (see `Peers`): stored already, so it
 * is relayed to this process's connections and not stored again.
 */
export interface PeerOrigin {
  readonly kind: 'peer';
}

/** A change the server makes itself (threads via the API, accepting a suggestion, …). */
export interface ServerActionOrigin {
  readonly kind: 'serverAction';
  /** What the server was doing, for logs. */
  readonly action: string;
}

/** Every origin a transaction on a room's doc can have, so observers can tell them apart. */
export type TransactionOrigin = RemoteOrigin | StorageLoadOrigin | PeerOrigin | ServerActionOrigin;

export const storageLoadOrigin: StorageLoadOrigin = Object.freeze({ kind: 'storageLoad' });
export const peerOrigin: PeerOrigin = Object.freeze({ kind: 'peer' });

export function serverActionOrigin(action: string): ServerActionOrigin {
  return { kind: 'serverAction', action };
}

const unknownOrigin = serverActionOrigin('unknown');

function isTransactionOrigin(value: unknown): value is TransactionOrigin {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  const { kind } = value;
  return kind === 'remote' || kind === 'storageLoad' || kind === 'peer' || kind === 'serverAction';
}

/**
 * The typed origin of a Yjs transaction. A transaction with a foreign origin (code on the
 * server using a Yjs binding with its own origins) counts as a server action: it is stored and
 * relayed to everyone.
 */
export function toTransactionOrigin(origin: unknown): TransactionOrigin {
  return isTransactionOrigin(origin) ? origin : unknownOrigin;
}

/** For the `default` of a switch that has handled every case: adding a case breaks the build. */
export function exhaustive(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
