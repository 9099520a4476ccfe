import { positionKey, tallyPositions, WHOLE_PAPER, type Position } from '@standpunt/shared';
import { Button } from '@utrecht/component-library-react';
import { forwardRef } from 'react';
import { useT } from '../i18n/useT';
import { PositionForm } from './PositionForm';
import { PositionList } from './PositionList';
import { EMPTY_TALLY } from './tallyText';
import { TallyText } from './TallyText';
import type { ThreadContext } from './threadContext';

interface PositionPanelProps {
  /** A block id, or `paper`. */
  blockId: string;
  /** "Alinea 3", or "Het hele stuk". */
  blockName: string;
  positions: readonly Position[];
  municipality: string;
  context: ThreadContext;
  onWholePaper: () => void;
}

/** The positions on one block (or the whole paper), and this municipality's own. */
export const PositionPanel = forwardRef<HTMLHeadingElement, PositionPanelProps>(
  function PositionPanel(
    { blockId, blockName, positions, municipality, context, onWholePaper },
    heading,
  ) {
    const t = useT();
    const here = positions.filter((position) => position.blockId === blockId);
    const tally = tallyPositions(here).get(blockId) ?? EMPTY_TALLY;
    const own = here.find(
      (p) => positionKey(p.blockId, p.municipality) === positionKey(blockId, municipality),
    );
    const title =
      blockId === WHOLE_PAPER
        ? t('positions.forPaper')
        : t('positions.forBlock', { block: blockName });

    return (
      <section className="standpunt-positions" aria-labelledby={`positions-${blockId}`}>
        <h3
          id={`positions-${blockId}`}
          ref={heading}
          tabIndex={-1}
          className="standpunt-positions__title"
        >
          {title}
        </h3>
        <p className="standpunt-positions__tally">
          <TallyText tally={tally} />
        </p>
        <PositionList positions={here} locale={context.locale} />
        {context.rights.takePosition && (
          <PositionForm
            key={`${blockId}-${own?.at ?? ''}`}
            paperId={context.paperId}
            blockId={blockId}
            municipality={municipality}
            current={own}
            onSaved={context.onMessage}
          />
        )}
        {blockId !== WHOLE_PAPER && (
          <Button type="button" appearance="subtle-button" onClick={onWholePaper}>
            {t('positions.paperButton')}
          </Button>
        )}
      </section>
    );
  },
);
