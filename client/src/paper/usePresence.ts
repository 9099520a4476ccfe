import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { presenceList, type PresenceEntry } from './presenceList';

/** The people now in the paper, following the provider's awareness. */
export function usePresence(
  provider: WebsocketProvider,
  selfUserId: string,
  locale: string,
): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>([]);
  useEffect(() => {
    const { awareness } = provider;
    const refresh = () => setEntries(presenceList(awareness.getStates(), selfUserId, locale));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [provider, selfUserId, locale]);
  return entries;
}
