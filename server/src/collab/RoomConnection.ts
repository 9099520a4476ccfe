import type { CollabIdentity } from './CollabIdentity.js';
import type { RoomSocket } from './RoomSocket.js';
import type { RemoteOrigin } from './transactionOrigins.js';

/**
 * One client on one doc: its socket, who it is and what it may do. Rights are decided once,
 * at connect, and carried here.
 */
export class RoomConnection {
  /** Origin of the transactions this connection's updates make. */
  readonly origin: RemoteOrigin;
  /** Awareness client ids this connection speaks for; removed when it leaves. */
  readonly awarenessClients = new Set<number>();
  /** Document updates refused because the connection is read-only. */
  refusedWrites = 0;
  /**
   * Updates held back because they depend on something this connection has not sent yet
   * (DocRoom applies them once it has); bounded, dropped when the connection leaves.
   */
  readonly heldUpdates: Uint8Array[] = [];

  constructor(
    readonly socket: RoomSocket,
    readonly identity: CollabIdentity,
    /**
     * Its document updates are refused (not applied, not relayed); it still syncs and shows
     * presence. Decided at connect; changed only when the paper's access is refreshed.
     */
    public readOnly: boolean,
    /** Told of the first refused write of this connection (logged and audited, not every one). */
    private readonly onFirstRefusedWrite: () => void = () => {},
  ) {
    this.origin = { kind: 'remote', connection: this };
  }

  /** Counts an update refused for being read-only. */
  refuseWrite(): void {
    if (this.refusedWrites++ === 0) this.onFirstRefusedWrite();
  }

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
