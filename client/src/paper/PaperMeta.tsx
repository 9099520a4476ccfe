import { tallyPositions, WHOLE_PAPER, type PaperSummary } from '@standpunt/shared';
import { useT } from '../i18n/useT';
import { PhaseBadge } from '../papers/PhaseBadge';
import { EMPTY_TALLY } from '../threads/tallyText';
import { TallyText } from '../threads/TallyText';
import type { ThreadsDocState } from '../threads/useThreadsDoc';
import { ClosingNotice } from './ClosingNotice';

interface PaperMetaProps {
  paper: PaperSummary;
  threadsDoc: ThreadsDocState;
}

/**
 * The positions of municipalities on the whole paper (what an editor reads first), theme,
 * phase and (in consultatie) the closing date, as a description list.
 */
export function PaperMeta({ paper, threadsDoc }: PaperMetaProps) {
  const t = useT();
  const tally =
    tallyPositions(threadsDoc.positions.filter((p) => p.blockId === WHOLE_PAPER)).get(
      WHOLE_PAPER,
    ) ?? EMPTY_TALLY;
  return (
    <dl className="standpunt-paper__meta">
      {threadsDoc.synced && (
        <div className="standpunt-paper__tally">
          <dt>{t('positions.paperTally')}</dt>
          <dd>
            <TallyText tally={tally} />
          </dd>
        </div>
      )}
      <div>
        <dt>{t('paper.theme')}</dt>
        <dd>{paper.theme}</dd>
      </div>
      <div className="standpunt-paper__phase">
        <dt>{t('paper.phase')}</dt>
        <dd>
          <PhaseBadge phase={paper.phase} />
        </dd>
      </div>
      {paper.phase === 'consultatie' && (
        <div>
          <dt>{t('paper.responses')}</dt>
          <dd>
            <ClosingNotice paper={paper} />
          </dd>
        </div>
      )}
    </dl>
  );
}
