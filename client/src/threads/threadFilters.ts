/** The sidebar's order and filters: threads in document order, narrowed by what people pick. */
import { organisationName, type ThreadKind, type ThreadStatus } from '@standpunt/shared';
import type { PlacedThread } from './threadAnchors';

/** '' means "all". `blockId` may be `paper` for comments on the whole paper. */
export interface ThreadFilter {
  municipality: string;
  status: ThreadStatus | '';
  kind: ThreadKind | '';
  blockId: string;
}

export const NO_FILTER: ThreadFilter = { municipality: '', status: '', kind: '', blockId: '' };

const PLACE_ORDER = { paper: 0, anchored: 1, orphaned: 2 } as const;

/**
 * Whole-paper comments first, then anchored threads by where they start (and end) in the
 * text, then orphaned ones; ties by creation time.
 */
export function sortThreads(placed: readonly PlacedThread[]): PlacedThread[] {
  const start = (p: PlacedThread) => (p.placement.type === 'anchored' ? p.placement.from : 0);
  const end = (p: PlacedThread) => (p.placement.type === 'anchored' ? p.placement.to : 0);
  return [...placed].sort(
    (a, b) =>
      PLACE_ORDER[a.placement.type] - PLACE_ORDER[b.placement.type] ||
      start(a) - start(b) ||
      end(a) - end(b) ||
      a.thread.createdAt.localeCompare(b.thread.createdAt),
  );
}

export function matchesFilter(placed: PlacedThread, filter: ThreadFilter): boolean {
  const { thread } = placed;
  return (
    (filter.municipality === '' || thread.author.municipality === filter.municipality) &&
    (filter.status === '' || thread.status === filter.status) &&
    (filter.kind === '' || thread.kind === filter.kind) &&
    (filter.blockId === '' || placed.blockId === filter.blockId)
  );
}

export interface ThreadGroups {
  /** In the text or on the whole paper, in document order. */
  placed: PlacedThread[];
  /** Their text was deleted ("Losgeraakte reacties"). */
  orphaned: PlacedThread[];
}

/** The threads that pass the filter, sorted and split into placed and orphaned. */
export function groupThreads(all: readonly PlacedThread[], filter: ThreadFilter): ThreadGroups {
  const shown = sortThreads(all.filter((p) => matchesFilter(p, filter)));
  return {
    placed: shown.filter((p) => p.placement.type !== 'orphaned'),
    orphaned: shown.filter((p) => p.placement.type === 'orphaned'),
  };
}

export interface Choice<T extends string> {
  value: T;
  count: number;
}

function countBy<T extends string>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Municipalities that responded, by name, with how many threads each. */
export function municipalityChoices(
  all: readonly PlacedThread[],
  locale: string,
): Choice<string>[] {
  return [...countBy(all.map((p) => p.thread.author.municipality))]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => organisationName(a.value).localeCompare(organisationName(b.value), locale));
}

/** Blocks that have threads, in the order of `blockOrder` (document order), with counts. */
export function blockChoices(
  all: readonly PlacedThread[],
  blockOrder: readonly string[],
): Choice<string>[] {
  const counts = countBy(all.flatMap((p) => (p.blockId ? [p.blockId] : [])));
  const index = (id: string) => {
    const at = blockOrder.indexOf(id);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => index(a.value) - index(b.value));
}

/** How many threads have each value of `key`. */
export function countThreads<K extends 'status' | 'kind'>(
  all: readonly PlacedThread[],
  key: K,
): Map<PlacedThread['thread'][K], number> {
  return countBy(all.map((p) => p.thread[key]));
}
