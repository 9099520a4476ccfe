/** What the connection indicator says. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** The provider's socket status, as y-websocket reports it in its `status` event. */
export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionInputs {
  socket: SocketStatus;
  /** The provider has exchanged state with the server on the current socket. */
  synced: boolean;
  /** `navigator.onLine`. */
  online: boolean;
  /** The provider has been synced at least once since the page opened. */
  everSynced: boolean;
  /** The socket has not been synced for longer than {@link OFFLINE_AFTER_MS}. */
  downTooLong: boolean;
}

/** How long reconnecting may take before the indicator gives up and says "Offline". */
export const OFFLINE_AFTER_MS = 8_000;

/**
 * One state from the many signals: the browser being offline wins; a synced socket is
 * connected; a socket that stays down is offline; before the first sync we are still
 * connecting, after it reconnecting.
 */
export function deriveConnectionState(inputs: ConnectionInputs): ConnectionState {
  if (!inputs.online) return 'offline';
  if (inputs.socket === 'connected' && inputs.synced) return 'connected';
  if (inputs.downTooLong) return 'offline';
  return inputs.everSynced ? 'reconnecting' : 'connecting';
}
