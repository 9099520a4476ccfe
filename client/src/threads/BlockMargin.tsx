import { tallyPositions, type Position } from '@standpunt/shared';
import type { Editor } from '@tiptap/core';
import { useMemo, useRef } from 'react';
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
  const cited = useMemo(() => blocks.filter((block) => block.citation !== null), [blocks]);
  const offsets = useBlockOffsets(editor, cited, column);
  const tallies = useMemo(() => tallyPositions(positions), [positions]);

  return (
    <div
      ref={column}
      className="standpunt-margin"
      role="group"
      aria-label={t('positions.marginLabel')}
    >
      {cited.map((block) => {
        const tally = tallies.get(block.id) ?? EMPTY_TALLY;
        const top = offsets.get(block.id);
        const label = blockLabel(block.id, blocksById, t);
        return (
          <button
            key={block.id}
            type="button"
            className="standpunt-margin__entry"
            data-empty={tallyTotal(tally) === 0 || undefined}
            aria-current={block.id === currentBlockId || undefined}
            style={{ top: top ?? 0, visibility: top === undefined ? 'hidden' : undefined }}
            onClick={() => onChoose(block.id)}
          >
            <span aria-hidden="true">{tallySymbols(tally)}</span>
            <span className="standpunt-visually-hidden">
              {t('positions.margin', { block: label, tally: tallyDescription(tally, t) })}
            </span>
          </button>
        );
      })}
    </div>
  );
}
