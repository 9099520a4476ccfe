import type { LiveBlock } from './liveBlocks';
import type { PlacedThread } from './threadAnchors';
import { ThreadCard } from './ThreadCard';
import type { ThreadContext } from './threadContext';
import { blockLabel } from './threadLabels';
import { useT } from '../i18n/useT';

interface ThreadListProps {
  label: string;
  threads: readonly PlacedThread[];
  selectedId: string | null;
  blocksById: ReadonlyMap<string, LiveBlock>;
  context: ThreadContext;
  onChoose: (placed: PlacedThread) => void;
}

/** Thread cards in the order given. */
export function ThreadList({
  label,
  threads,
  selectedId,
  blocksById,
  context,
  onChoose,
}: ThreadListProps) {
  const t = useT();
  return (
    <ol className="standpunt-thread-list" aria-label={label}>
      {threads.map((placed) => (
        <ThreadCard
          key={placed.thread.id}
          placed={placed}
          selected={placed.thread.id === selectedId}
          place={placed.blockId ? blockLabel(placed.blockId, blocksById, t) : ''}
          context={context}
          onChoose={onChoose}
        />
      ))}
    </ol>
  );
}
