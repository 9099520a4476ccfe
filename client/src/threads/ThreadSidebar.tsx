import type { Thread } from '@standpunt/shared';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId, useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { StatusRegion } from '../layout/StatusRegion';
import type { LiveBlock } from './liveBlocks';
import type { PlacedThread } from './threadAnchors';
import { ThreadAnnouncer } from './ThreadAnnouncer';
import type { ThreadContext } from './threadContext';
import { groupThreads, NO_FILTER, type ThreadFilter } from './threadFilters';
import { ThreadFilters } from './ThreadFilters';
import { ThreadList } from './ThreadList';

interface ThreadSidebarProps {
  synced: boolean;
  threads: readonly Thread[];
  placed: readonly PlacedThread[];
  blocks: readonly LiveBlock[];
  blocksById: ReadonlyMap<string, LiveBlock>;
  selectedId: string | null;
  context: ThreadContext;
  message: string | null;
  onChoose: (placed: PlacedThread) => void;
  /** The form for a new thread, while one is being written. */
  newThread: ReactNode;
  /** The positions on the block chosen in the margin (or the whole paper). */
  positionPanel: ReactNode;
}

/** "Reacties": every thread, in the order of the text, filterable, with the orphaned apart. */
export function ThreadSidebar(props: ThreadSidebarProps) {
  const { synced, threads, placed, blocks, blocksById, selectedId, context, message } = props;
  const t = useT();
  const id = useId();
  const [filter, setFilter] = useState<ThreadFilter>(NO_FILTER);
  const groups = groupThreads(placed, filter);
  const open = placed.filter((p) => p.thread.status === 'open').length;
  const shown = groups.placed.length + groups.orphaned.length;

  const list = (label: string, items: readonly PlacedThread[]) => (
    <ThreadList
      label={label}
      threads={items}
      selectedId={selectedId}
      blocksById={blocksById}
      context={context}
      onChoose={props.onChoose}
    />
  );

  return (
    <aside className="standpunt-threads" aria-labelledby={`${id}-title`}>
      <Heading2 id={`${id}-title`} className="standpunt-threads__title">
        {t('threads.title')}
      </Heading2>
      <ThreadAnnouncer synced={synced} threads={threads} ownUserId={context.rights.userId} />
      <StatusRegion message={message} />
      {props.newThread}
      {!synced ? (
        <Paragraph className="standpunt-loading">{t('threads.loading')}</Paragraph>
      ) : placed.length === 0 ? (
        <Paragraph>{t('threads.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph className="standpunt-threads__summary">
            {placed.length === 1
              ? t('threads.summaryOne', { open })
              : t('threads.summary', { total: placed.length, open })}
            {shown !== placed.length && <> · {t('threads.shown', { shown })}</>}
          </Paragraph>
          <ThreadFilters
            all={placed}
            blocks={blocks}
            blocksById={blocksById}
            filter={filter}
            locale={context.locale}
            onChange={setFilter}
          />
          {shown === 0 && <Paragraph>{t('threads.noMatch')}</Paragraph>}
          {groups.placed.length > 0 && list(t('threads.listLabel'), groups.placed)}
          {groups.orphaned.length > 0 && (
            <section className="standpunt-threads__orphaned" aria-labelledby={`${id}-orphaned`}>
              <h3 id={`${id}-orphaned`}>{t('threads.orphaned')}</h3>
              <Paragraph>{t('threads.orphanedHint')}</Paragraph>
              {list(t('threads.orphaned'), groups.orphaned)}
            </section>
          )}
        </>
      )}
      {props.positionPanel}
    </aside>
  );
}
