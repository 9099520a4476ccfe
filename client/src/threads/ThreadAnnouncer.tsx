import type { Thread } from '@standpunt/shared';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { activityMessage, newActivity } from './threadActivity';

interface ThreadAnnouncerProps {
  synced: boolean;
  threads: readonly Thread[];
  ownUserId: string;
}

/**
 * A polite live region that announces threads and replies others add while this page is open
 * ("Nieuwe reactie van Utrecht: …"); one's own and those already there are not announced.
 */
export function ThreadAnnouncer({ synced, threads, ownUserId }: ThreadAnnouncerProps) {
  const t = useT();
  const seen = useRef<Map<string, Thread> | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (!synced) return;
    const activity = newActivity(seen.current, threads, ownUserId);
    seen.current = new Map(threads.map((thread) => [thread.id, thread]));
    if (activity.length > 0) setMessage(activity.map((a) => activityMessage(a, t)).join(' '));
  }, [synced, threads, ownUserId, t]);

  return (
    <div aria-live="polite" className="standpunt-visually-hidden">
      {message}
    </div>
  );
}
