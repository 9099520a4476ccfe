import {
  BLOCK_CHANGES,
  blockCitation,
  type BlockChange,
  type BlockComparison,
  type ComparedSide,
  type DraftComparison,
  type WordDiff,
} from '@standpunt/shared';
import type { MessageKey } from '../i18n/nl';
import type { TranslateFn } from '../i18n/useT';

/** How one compared block is shown: what happened, where it is, and its text as runs. */
export interface ComparedBlockView {
  key: string;
  change: BlockChange;
  /** The words that say what happened, so the change never rests on colour alone. */
  label: MessageKey;
  /** Where the block is now (where it was, for a removed block): "Alinea 3", "Kop § 1.2". */
  place: string;
  /** Where it was, when that differs: "(was Alinea 2)"; else null. */
  previousPlace: string | null;
  /** The text: equal, inserted and deleted runs. */
  runs: WordDiff[];
}

const LABELS: Record<BlockChange, MessageKey> = {
  added: 'compare.change.added',
  removed: 'compare.change.removed',
  moved: 'compare.change.moved',
  changed: 'compare.change.changed',
  unchanged: 'compare.change.unchanged',
};

/** "Alinea 3", "Kop § 1.2", or "Lege alinea" for a block without a number. */
export function placeOf(side: ComparedSide, t: TranslateFn): string {
  const citation = blockCitation(side);
  if (citation === null || side.number === null) return t('compare.cite.none');
  return side.kind === 'heading'
    ? t('compare.cite.section', { citation })
    : t('compare.cite.paragraph', { number: side.number });
}

function runsOf(block: BlockComparison): WordDiff[] {
  if (block.change === 'added') return [{ op: 'insert', text: block.to?.text ?? '' }];
  if (block.change === 'removed') return [{ op: 'delete', text: block.from?.text ?? '' }];
  if (block.textChanged && block.words) return block.words;
  return [{ op: 'equal', text: block.to?.text ?? block.from?.text ?? '' }];
}

/** One block of a comparison as the compare view shows it. */
export function compareBlockView(
  block: BlockComparison,
  index: number,
  t: TranslateFn,
): ComparedBlockView {
  const current = block.to ?? block.from;
  const place = current ? placeOf(current, t) : t('compare.cite.none');
  const before = block.from && block.to ? placeOf(block.from, t) : null;
  return {
    key: `${index}:${block.blockId ?? ''}`,
    change: block.change,
    label:
      block.change === 'moved' && block.textChanged
        ? 'compare.change.movedChanged'
        : LABELS[block.change],
    place,
    previousPlace:
      before !== null && before !== place ? t('compare.was', { citation: before }) : null,
    runs: runsOf(block),
  };
}

/** The blocks to show, in the newer version's order; without the unchanged ones if asked. */
export function compareBlockViews(
  comparison: DraftComparison,
  t: TranslateFn,
  changedOnly: boolean,
): ComparedBlockView[] {
  return comparison.blocks
    .map((block, index) => compareBlockView(block, index, t))
    .filter((view) => !changedOnly || view.change !== 'unchanged');
}

/** "2 toegevoegd", "1 verwijderd", … for every kind of change, in a fixed order. */
export function compareCounts(
  counts: Record<BlockChange, number>,
  t: TranslateFn,
): Array<{ change: BlockChange; text: string }> {
  return BLOCK_CHANGES.map((change) => ({
    change,
    text: t(`compare.count.${change}`, { count: counts[change] }),
  }));
}

/** True when nothing but unchanged blocks were found. */
export function hasNoChanges(counts: Record<BlockChange, number>): boolean {
  return BLOCK_CHANGES.every((change) => change === 'unchanged' || counts[change] === 0);
}
