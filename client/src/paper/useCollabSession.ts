import { FATAL_CLOSE_CODES, PRESENCE_FIELD, roomName, type PresenceUser } from '@standpunt/shared';
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { batchRemoteUpdates } from './batchRemoteUpdates';
import { collabServerUrl } from './collabUrl';

export interface CollabSession {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export interface CollabSessionState {
  session: CollabSession | null;
  /** The close code when the server ended the socket for good (4401, 4403, 4404). */
  fatalCloseCode: number | null;
}

const isFatal = (code: number) => FATAL_CLOSE_CODES.includes(code);

/**
 * The paper's content doc and its websocket provider, for as long as the page shows the
 * paper. The doc outlives dropped connections (edits made offline are sent on reconnect) and
 * is destroyed with the provider when the page goes away. No connection for an empty id.
 */
export function useCollabSession(paperId: string, presence: PresenceUser): CollabSessionState {
  const [state, setState] = useState<CollabSessionState>({ session: null, fatalCloseCode: null });

  useEffect(() => {
    setState({ session: null, fatalCloseCode: null });
    if (!paperId) return;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      collabServerUrl(window.location),
      roomName(paperId, 'content'),
      doc,
      {
        // The server is the one source of truth and decides who may write: no tab-to-tab
        // shortcut around it.
        disableBc: true,
        shouldReconnect: (event) => !isFatal(event.code),
      },
    );
    const stopBatching = batchRemoteUpdates(provider);
    const onClose = (event: CloseEvent | null) => {
      if (!event || !isFatal(event.code)) return;
      provider.shouldConnect = false;
      setState((previous) => ({ ...previous, fatalCloseCode: event.code }));
    };
    provider.on('connection-close', onClose);
    setState({ session: { doc, provider }, fatalCloseCode: null });
    return () => {
      provider.off('connection-close', onClose);
      stopBatching();
      provider.destroy();
      doc.destroy();
    };
  }, [paperId]);

  const provider = state.session?.provider;
  const { userId, name, color, municipality } = presence;
  useEffect(() => {
    // Set here as well as by CollaborationCaret, so the presence list is right even before
    // the editor exists.
    provider?.awareness.setLocalStateField(PRESENCE_FIELD, { userId, name, color, municipality });
  }, [provider, userId, name, color, municipality]);

  return state;
}
