import type { PaperSummary } from '@standpunt/shared';
import { useT } from '../i18n/useT';
import { PhaseBadge } from '../papers/PhaseBadge';

/** Theme and phase of a paper, as a description list. */
export function PaperMeta({ paper }: { paper: PaperSummary }) {
  const t = useT();
  return (
    <dl className="standpunt-paper__meta">
      <div>
        <dt>{t('paper.theme')}</dt>
        <dd>{paper.theme}</dd>
      </div>
      <div>
        <dt>{t('paper.phase')}</dt>
        <dd>
          <PhaseBadge phase={paper.phase} />
        </dd>
      </div>
    </dl>
  );
}
