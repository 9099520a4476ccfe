import { useEffect, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import {
  OFFLINE_AFTER_MS,
  deriveConnectionState,
  type ConnectionState,
  type SocketStatus,
} from './connectionState';
import { useOnline } from './useOnline';

export interface ConnectionInfo {
  state: ConnectionState;
  /** The provider has synced at least once: the editor may be enabled. */
  everSynced: boolean;
  /** Local edits made while not connected, not yet confirmed by a fresh sync. */
  unsentChanges: boolean;
}

/** Follows the provider and the browser's network state for the connection indicator. */
export function useConnectionState(doc: Y.Doc, provider: WebsocketProvider): ConnectionInfo {
  const online = useOnline();
  const [socket, setSocket] = useState<SocketStatus>(
    provider.wsconnected ? 'connected' : 'connecting',
  );
  const [synced, setSynced] = useState(provider.synced);
  const [everSynced, setEverSynced] = useState(provider.synced);
  const [downTooLong, setDownTooLong] = useState(false);
  const [unsentChanges, setUnsentChanges] = useState(false);
  const onlineRef = useRef(online);
  onlineRef.current = online;

  useEffect(() => {
    const onStatus = ({ status }: { status: SocketStatus }) => setSocket(status);
    const onSync = (isSynced: boolean) => {
      setSynced(isSynced);
      if (isSynced) {
        setEverSynced(true);
        setUnsentChanges(false);
      }
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider) return;
      if (!onlineRef.current || !provider.wsconnected || !provider.synced) setUnsentChanges(true);
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    doc.on('update', onUpdate);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      doc.off('update', onUpdate);
    };
  }, [doc, provider]);

  // Back online: a socket that lived through the outage may be dead without knowing it, and
  // only a fresh sync confirms that offline edits arrived. Reconnect at once.
  useEffect(() => {
    if (!online || !provider.shouldConnect) return;
    if (provider.wsconnected) {
      provider.disconnect();
      provider.connect();
    }
  }, [online, provider]);

  const up = socket === 'connected' && synced;
  useEffect(() => {
    if (up) {
      setDownTooLong(false);
      return;
    }
    const timer = window.setTimeout(() => setDownTooLong(true), OFFLINE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [up]);

  return {
    state: deriveConnectionState({ socket, synced, online, everSynced, downTooLong }),
    everSynced,
    unsentChanges,
  };
}
