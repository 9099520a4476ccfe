import type { PaperSummary } from '@standpunt/shared';
import { useT } from '../i18n/useT';
import { PhaseBadge } from '../papers/PhaseBadge';
import { ClosingNotice } from './ClosingNotice';

/** Theme, phase and (in consultatie) the closing date of a paper, as a description list. */
export function PaperMeta({ paper }: { paper: PaperSummary }) {
  const t = useT();
  return (
    <dl className="standpunt-paper__meta">
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
