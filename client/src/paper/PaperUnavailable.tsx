import { Alert, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';
import { RouterLink } from '../layout/RouterLink';

/** Why a paper cannot be shown: no access, or it does not exist. */
export function PaperUnavailable({
  reason,
  pageLevel = false,
}: {
  reason: 'forbidden' | 'notFound';
  /** Shown instead of the paper page, so it carries the page's h1. */
  pageLevel?: boolean;
}) {
  const t = useT();
  const Heading = pageLevel ? Heading1 : Heading2;
  return (
    <Alert type="error" role="alert" className="standpunt-unavailable">
      {reason === 'forbidden' ? (
        <>
          <Heading>{t('paper.forbidden')}</Heading>
          <Paragraph>{t('paper.forbiddenDetail')}</Paragraph>
        </>
      ) : (
        <Heading>{t('paper.notFound')}</Heading>
      )}
      <Paragraph>
        <RouterLink to="/">{t('paper.backToList')}</RouterLink>
      </Paragraph>
    </Alert>
  );
}
