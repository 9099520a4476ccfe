import type { CollabIdentity } from './CollabIdentity.js';
import type { RoomSocket } from './RoomSocket.js';
import type { RemoteOrigin } from './transactionOrigins.js';

/**
 * One client on one doc: its socket, who it is and what it may do. Rights are decided once,
 * at connect, and carried here.
 *
 * A server holds one per open socket, most of them idle: what only some connections need
 * (presence, held-back updates) is made when first needed, and the connection is itself the
 * origin of the transactions its updates make.
 */
export class RoomConnection implements RemoteOrigin {
  /** Awareness client ids this connection speaks for (null: none yet); removed when it leaves. */
  awarenessClients: Set<number> | null = null;
  /** Document updates refused because the connection is read-only. */
  refusedWrites = 0;
  /**
   * Updates held back because they depend on something this connection has not sent yet
   * (DocRoom applies them once it has); bounded, dropped when the connection leaves.
   */
  heldUpdates: Uint8Array[] | null = null;

  constructor(
    readonly socket: RoomSocket,
    readonly identity: CollabIdentity,
    /**
     * Its document updates are refused (not applied, not relayed); it still syncs and shows
     * presence. Decided at connect; changed only when the paper's access is refreshed.
     */
    public readOnly: boolean,
  ) {}

  get kind(): 'remote' {
    return 'remote';
  }

  get connection(): RoomConnection {
    return this;
  }

  /** Origin of the transactions this connection's updates make. */
  get origin(): RemoteOrigin {
    return this;
  }

  /** Counts an update refused for being read-only. */
  refuseWrite(): void {
    if (this.refusedWrites++ === 0) this.firstRefusedWrite();
  }

  /** Called on the first refused write (logged and audited, not every one). */
  protected firstRefusedWrite(): void {}

  isOpen(): boolean {
    return this.socket.isOpen();
  }

  /** Sends if the socket is still open; a closing socket just misses the frame. */
  send(data: Uint8Array): void {
    if (this.socket.isOpen()) this.socket.send(data);
  }

  close(code: number, reason: string): void {
    if (this.socket.isOpen()) this.socket.close(code, reason);
  }
}
