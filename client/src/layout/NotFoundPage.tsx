import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';
import { RouterLink } from './RouterLink';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="standpunt-content">
      <Heading1>{t('notFound.title')}</Heading1>
      <Paragraph>{t('notFound.body')}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t('paper.backToList')}</RouterLink>
      </Paragraph>
    </div>
  );
}
