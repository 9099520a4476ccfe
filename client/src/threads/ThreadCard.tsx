import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { ThreadDetails } from './ThreadDetails';
import type { PlacedThread } from './threadAnchors';
import { threadTitle } from './threadLabels';
import type { ThreadContext } from './threadContext';

interface ThreadCardProps {
  placed: PlacedThread;
  /** Chosen in the sidebar or holding the cursor in the text. */
  selected: boolean;
  /** Where it is: "Alinea 3". */
  place: string;
  context: ThreadContext;
  onChoose: (placed: PlacedThread) => void;
}

/**
 * One thread in the sidebar: a disclosure button with who and what, opening its quote,
 * proposal, replies and actions. Opening it selects its text in the editor.
 */
export function ThreadCard({ placed, selected, place, context, onChoose }: ThreadCardProps) {
  const t = useT();
  const id = useId();
  const item = useRef<HTMLLIElement>(null);
  const [expanded, setExpanded] = useState(false);
  const { thread } = placed;

  useEffect(() => {
    if (!selected) return;
    setExpanded(true);
    item.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  return (
    <li
      ref={item}
      className="standpunt-thread-card"
      data-kind={thread.kind}
      data-status={thread.status}
      data-selected={selected || undefined}
    >
      <h3 className="standpunt-thread-card__title">
        <button
          type="button"
          className="standpunt-thread-card__toggle"
          aria-expanded={expanded}
          aria-controls={`${id}-details`}
          onClick={() => {
            if (!expanded || !selected) onChoose(placed);
            setExpanded(!expanded || !selected);
          }}
        >
          <span className="standpunt-thread-card__kind" aria-hidden="true">
            {thread.kind === 'suggestion' ? '✎' : '“'}
          </span>
          <span>{threadTitle(thread, t)}</span>
        </button>
      </h3>
      <p className="standpunt-thread-card__summary">
        <span className="standpunt-thread-status" data-status={thread.status}>
          {t(`threads.status.${thread.status}`)}
        </span>
        {' · '}
        {place}
        {selected && (
          <span className="standpunt-visually-hidden">, {t('threads.card.selected')}</span>
        )}
      </p>
      <div id={`${id}-details`} hidden={!expanded}>
        {expanded && <ThreadDetails placed={placed} context={context} />}
      </div>
    </li>
  );
}
