import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { presenceList, samePresence, type PresenceEntry } from './presenceList';

/** The people now in the paper, following the provider's awareness. */
export function usePresence(
  provider: WebsocketProvider,
  selfUserId: string,
  locale: string,
): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>([]);
  useEffect(() => {
    const { awareness } = provider;
    // Presence changes with every caret move of everyone: re-render only when the list does.
    const refresh = () => {
      const next = presenceList(awareness.getStates(), selfUserId, locale);
      setEntries((previous) => (samePresence(previous, next) ? previous : next));
    };
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [provider, selfUserId, locale]);
  return entries;
}
