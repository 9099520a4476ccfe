import { PRESENCE_FIELD } from '@standpunt/shared';
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { presenceList, samePresence, type PresenceEntry } from './presenceList';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The people now in the paper, following the provider's awareness. */
export function usePresence(
  provider: WebsocketProvider,
  selfUserId: string,
  locale: string,
): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>([]);
  useEffect(() => {
    const { awareness } = provider;
    const refresh = () => {
      const next = presenceList(awareness.getStates(), selfUserId, locale);
      setEntries((previous) => (samePresence(previous, next) ? previous : next));
    };
    // Presence changes with every caret move of everyone, one's own included: read the list
    // again only when someone came, went, or changed who they are.
    const people = new Map<number, string>();
    const onChange = ({ added, updated, removed }: AwarenessChange) => {
      let changed = removed.length > 0;
      for (const clientId of removed) people.delete(clientId);
      for (const clientId of [...added, ...updated]) {
        const person = JSON.stringify(
          awareness.getStates().get(clientId)?.[PRESENCE_FIELD] ?? null,
        );
        if (people.get(clientId) !== person) changed = true;
        people.set(clientId, person);
      }
      if (changed) refresh();
    };
    refresh();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [provider, selfUserId, locale]);
  return entries;
}
