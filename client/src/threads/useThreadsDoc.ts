import {
  FATAL_CLOSE_CODES,
  POSITIONS_MAP,
  THREADS_MAP,
  roomName,
  type Position,
  type Thread,
} from '@standpunt/shared';
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { collabServerUrl } from '../paper/collabUrl';

export interface ThreadsDocState {
  /** False until the first sync: until then the lists are not the paper's. */
  synced: boolean;
  threads: Thread[];
  positions: Position[];
}

const EMPTY: ThreadsDocState = { synced: false, threads: [], positions: [] };

/**
 * The paper's threads doc, synced read-only over its own websocket room: threads and positions
 * as the server writes them, live for everyone. Changes go through the REST API.
 */
export function useThreadsDoc(paperId: string): ThreadsDocState {
  const [state, setState] = useState<ThreadsDocState>(EMPTY);

  useEffect(() => {
    setState(EMPTY);
    if (!paperId) return;
    const doc = new Y.Doc();
    const threads = doc.getMap<Thread>(THREADS_MAP);
    const positions = doc.getMap<Position>(POSITIONS_MAP);
    const provider = new WebsocketProvider(
      collabServerUrl(window.location),
      roomName(paperId, 'threads'),
      doc,
      { disableBc: true, shouldReconnect: (event) => !FATAL_CLOSE_CODES.includes(event.code) },
    );
    let synced = false;
    const read = () =>
      setState({
        synced,
        threads: Array.from(threads.values()),
        positions: Array.from(positions.values()),
      });
    const onSync = (isSynced: boolean) => {
      if (!isSynced || synced) return;
      synced = true;
      read();
    };
    // One read per server transaction, however many entries it touched.
    const onUpdate = () => {
      if (synced) read();
    };
    provider.on('sync', onSync);
    doc.on('afterTransaction', onUpdate);
    return () => {
      provider.off('sync', onSync);
      doc.off('afterTransaction', onUpdate);
      provider.destroy();
      doc.destroy();
    };
  }, [paperId]);

  return state;
}
