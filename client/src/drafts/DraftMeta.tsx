import type { Draft } from '@standpunt/shared';
import { formatDateTime } from '../format/formatDateTime';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { PhaseBadge } from '../papers/PhaseBadge';
import { HashValue } from './HashValue';
import { frozenByText } from './frozenByText';

/** What a draft is: its paper, the phase it was frozen in, by whom, when, and its hash. */
export function DraftMeta({ draft }: { draft: Draft }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <dl className="standpunt-details" aria-label={t('draft.meta')}>
      <div>
        <dt>{t('draft.meta.paper')}</dt>
        <dd>{draft.title}</dd>
      </div>
      <div>
        <dt>{t('draft.meta.phase')}</dt>
        <dd>
          <PhaseBadge phase={draft.phase} />
        </dd>
      </div>
      <div>
        <dt>{t('draft.meta.frozenBy')}</dt>
        <dd>{frozenByText(draft.frozenBy, t)}</dd>
      </div>
      <div>
        <dt>{t('draft.meta.frozenAt')}</dt>
        <dd>
          <time dateTime={draft.frozenAt}>{formatDateTime(draft.frozenAt, LOCALES[language])}</time>
        </dd>
      </div>
      <div>
        <dt>{t('draft.meta.hash')}</dt>
        <dd>
          <HashValue sha256={draft.sha256} />
        </dd>
      </div>
    </dl>
  );
}
