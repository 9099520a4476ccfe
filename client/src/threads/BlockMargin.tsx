import { tallyPositions, type Position, type StanceTally } from '@standpunt/shared';
import type { Editor } from '@tiptap/core';
import { memo, useMemo, useRef } from 'react';
import { useT } from '../i18n/useT';
import type { LiveBlock } from './liveBlocks';
import { EMPTY_TALLY, tallyDescription, tallySymbols, tallyTotal } from './tallyText';
import { blockLabel } from './threadLabels';
import { useBlockOffsets } from './useBlockOffsets';

interface BlockMarginProps {
  editor: Editor;
  blocks: readonly LiveBlock[];
  blocksById: ReadonlyMap<string, LiveBlock>;
  positions: readonly Position[];
  /** The block whose positions the sidebar shows. */
  currentBlockId: string;
  onChoose: (blockId: string) => void;
}

/**
 * The margin next to the text: per block, the tally of positions as a button that opens the
 * block's positions in the sidebar. Outside the editable text, so it never becomes part of it.
 */
export function BlockMargin({
  editor,
  blocks,
  blocksById,
  positions,
  currentBlockId,
  onChoose,
}: BlockMarginProps) {
  const t = useT();
  const column = useRef<HTMLDivElement>(null);
  // The margin follows which blocks are cited and how, not their text: typing in a paragraph
  // changes its excerpt, and that must not measure every block again.
  const citedKey = blocks.flatMap((b) => (b.citation ? [`${b.id}=${b.citation}`] : [])).join('|');
  const cited = useMemo(() => blocks.filter((block) => block.citation !== null), [citedKey]);
  const offsets = useBlockOffsets(editor, cited, column);
  const tallies = useMemo(() => tallyPositions(positions), [positions]);

  return (
    <div
      ref={column}
      className="standpunt-margin"
      role="group"
      aria-label={t('positions.marginLabel')}
    >
      {cited.map((block) => (
        <MarginEntry
          key={block.id}
          blockId={block.id}
          label={blockLabel(block.id, blocksById, t)}
          tally={tallies.get(block.id) ?? EMPTY_TALLY}
          top={offsets.get(block.id)}
          current={block.id === currentBlockId}
          onChoose={onChoose}
        />
      ))}
    </div>
  );
}

interface MarginEntryProps {
  blockId: string;
  label: string;
  tally: StanceTally;
  /** Undefined until measured. */
  top: number | undefined;
  current: boolean;
  onChoose: (blockId: string) => void;
}

/** One block's tally; drawn again only when something it shows changed. */
const MarginEntry = memo(function MarginEntry({
  blockId,
  label,
  tally,
  top,
  current,
  onChoose,
}: MarginEntryProps) {
  const t = useT();
  return (
    <button
      type="button"
      className="standpunt-margin__entry"
      data-empty={tallyTotal(tally) === 0 || undefined}
      aria-current={current || undefined}
      style={{ top: top ?? 0, visibility: top === undefined ? 'hidden' : undefined }}
      onClick={() => onChoose(blockId)}
    >
      <span aria-hidden="true">{tallySymbols(tally)}</span>
      <span className="standpunt-visually-hidden">
        {t('positions.margin', { block: label, tally: tallyDescription(tally, t) })}
      </span>
    </button>
  );
});
