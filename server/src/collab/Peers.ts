import type { DocName } from '@standpunt/shared';
import type { SignOut } from './CollabIdentity.js';

/** What another process tells about one paper. */
export interface PaperMessages {
  /** An update of one of its docs, stored already by the process that sends it. */
  update(doc: DocName, update: Uint8Array): void;
  /** Presence shown there (a y-protocols awareness update). */
  presence(doc: DocName, update: Uint8Array): void;
}

/**
 * The other server processes serving the same papers (`STANDPUNT_REDIS_URL`); absent when
 * this process is alone. Every process holds the papers its clients have open and is told of
 * every update another one stored: a process stores what its own clients send, then tells the
 * others, and each relays to its own clients. Nothing is stored twice (what a peer tells is
 * applied with the `peer` origin, which is not stored) and nothing is relayed anywhere before
 * it is stored.
 *
 * While the processes cannot reach each other, nothing they relay is known to the others: the
 * collaboration server then closes every socket (1013, the client retries) and accepts none
 * until the connection is back.
 */
export interface Peers {
  /** Whether messages reach the other processes now. */
  readonly connected: boolean;
  /** Tells the others of an update this process stored; rejects when it could not. */
  publishUpdate(paperId: string, doc: DocName, update: Uint8Array): Promise<void>;
  /** Tells the others of presence (lost when it cannot be sent: presence is renewed often). */
  publishPresence(paperId: string, doc: DocName, update: Uint8Array): void;
  /**
   * Hears what the others tell about a paper, from the moment the promise resolves until the
   * function it resolves to is called.
   */
  listen(paperId: string, messages: PaperMessages): Promise<() => void>;
  /** Tells the others that who may do what with a paper changed. */
  publishAccessChanged(paperId: string): Promise<void>;
  /** Hears of access changes the others made; one listener. */
  onAccessChanged(listener: (paperId: string) => void): void;
  /** Tells the others that sessions ended, so that they close those sockets too. */
  publishSignedOut(who: SignOut): Promise<void>;
  /** Hears of sessions the others ended; one listener. */
  onSignedOut(listener: (who: SignOut) => void): void;
  /** Hears when the connection to the others is lost (false) and back (true); one listener. */
  onConnectedChange(listener: (connected: boolean) => void): void;
  close(): Promise<void>;
}
