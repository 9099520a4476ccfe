import {
  organisationName,
  THREAD_KINDS,
  THREAD_STATUSES,
  type ThreadKind,
  type ThreadStatus,
} from '@standpunt/shared';
import { Button } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';
import { FilterSelect } from './FilterSelect';
import type { LiveBlock } from './liveBlocks';
import type { PlacedThread } from './threadAnchors';
import {
  blockChoices,
  countThreads,
  municipalityChoices,
  NO_FILTER,
  type ThreadFilter,
} from './threadFilters';
import { blockLabel } from './threadLabels';

interface ThreadFiltersProps {
  all: readonly PlacedThread[];
  blocks: readonly LiveBlock[];
  blocksById: ReadonlyMap<string, LiveBlock>;
  filter: ThreadFilter;
  locale: string;
  onChange: (filter: ThreadFilter) => void;
}

/** "Gemeente", "Status", "Soort", "Alinea": each option with how many threads it has. */
export function ThreadFilters({
  all,
  blocks,
  blocksById,
  filter,
  locale,
  onChange,
}: ThreadFiltersProps) {
  const t = useT();
  const option = (label: string, count: number) => t('threads.filter.option', { label, count });
  const statuses = countThreads(all, 'status');
  const kinds = countThreads(all, 'kind');
  const order = ['paper', ...blocks.map((block) => block.id)];
  const active = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);

  return (
    <div role="group" aria-label={t('threads.filters')} className="standpunt-thread-filters">
      <FilterSelect
        label={t('threads.filter.municipality')}
        allLabel={t('threads.filter.all')}
        value={filter.municipality}
        options={municipalityChoices(all, locale).map((c) => ({
          value: c.value,
          label: option(organisationName(c.value), c.count),
        }))}
        onChange={(municipality) => onChange({ ...filter, municipality })}
      />
      <FilterSelect
        label={t('threads.filter.status')}
        allLabel={t('threads.filter.all')}
        value={filter.status}
        options={THREAD_STATUSES.filter((s) => statuses.has(s) || s === filter.status).map((s) => ({
          value: s,
          label: option(t(`threads.status.${s}`), statuses.get(s) ?? 0),
        }))}
        onChange={(status) => onChange({ ...filter, status: status as ThreadStatus | '' })}
      />
      <FilterSelect
        label={t('threads.filter.kind')}
        allLabel={t('threads.filter.all')}
        value={filter.kind}
        options={THREAD_KINDS.map((k) => ({
          value: k,
          label: option(t(`threads.kind.${k}`), kinds.get(k) ?? 0),
        }))}
        onChange={(kind) => onChange({ ...filter, kind: kind as ThreadKind | '' })}
      />
      <FilterSelect
        label={t('threads.filter.block')}
        allLabel={t('threads.filter.all')}
        value={filter.blockId}
        options={blockChoices(all, order).map((c) => ({
          value: c.value,
          label: option(blockLabel(c.value, blocksById, t), c.count),
        }))}
        onChange={(blockId) => onChange({ ...filter, blockId })}
      />
      {active && (
        <Button type="button" appearance="subtle-button" onClick={() => onChange(NO_FILTER)}>
          {t('threads.filter.reset')}
        </Button>
      )}
    </div>
  );
}
