import type { Draft } from '@standpunt/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useT } from '../i18n/useT';
import { draftBlocks, type DraftBlock } from './draftBlocks';
import { renderPmNode } from './renderPmNode';

/** The draft's headings sit below the page's h1 and the h2 above the text. */
const HEADING_OFFSET = 2;

/**
 * The draft's text, read-only, with each block's number in the margin: paragraphs as
 * "Alinea 3" to screen readers, headings with their section number as part of the heading.
 */
export function DraftDocument({ draft }: { draft: Pick<Draft, 'content' | 'numbering'> }) {
  const t = useT();
  const blocks = useMemo(() => draftBlocks(draft), [draft]);
  if (blocks.length === 0) return <Paragraph>{t('draft.empty')}</Paragraph>;
  return (
    <div className="standpunt-document standpunt-draft-document">
      {blocks.map((block) => (
        <NumberedBlock key={block.key} block={block} />
      ))}
    </div>
  );
}

function NumberedBlock({ block }: { block: DraftBlock }) {
  const t = useT();
  const anchor = block.anchor === null ? {} : { id: block.anchor };
  if (block.kind === 'heading') {
    const prefix =
      block.citation === null ? undefined : (
        <span className="standpunt-draft-block__number" key="number">
          {block.citation}{' '}
        </span>
      );
    return (
      <div className="standpunt-draft-block standpunt-draft-block--heading" {...anchor}>
        {renderPmNode(block.node, { headingOffset: HEADING_OFFSET, prefix })}
      </div>
    );
  }
  return (
    <div className="standpunt-draft-block" {...anchor}>
      {block.number !== null && (
        <span className="standpunt-draft-block__number">
          <span className="standpunt-visually-hidden">
            {t('draft.block.paragraph', { number: block.number })}
          </span>
          <span aria-hidden="true">{block.number}</span>
        </span>
      )}
      {renderPmNode(block.node, { headingOffset: HEADING_OFFSET })}
    </div>
  );
}
