import type { PaperSummary } from '@standpunt/shared';
import { formatClosingMoment } from '../format/amsterdamTime';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';

/** In consultatie: until when responses are open ("Reageren kan tot …"), or that they closed. */
export function ClosingNotice({ paper }: { paper: PaperSummary }) {
  const t = useT();
  const { language } = useLanguage();
  if (paper.phase !== 'consultatie') return null;
  if (paper.closesAt === null) return <>{t('closing.none')}</>;
  // Read again with every refresh of the paper, so the notice turns within its interval.
  const closed = Date.now() >= new Date(paper.closesAt).getTime();
  return (
    <time dateTime={paper.closesAt}>
      {closed
        ? t('closing.closed')
        : t('closing.open', { date: formatClosingMoment(paper.closesAt, LOCALES[language]) })}
    </time>
  );
}
