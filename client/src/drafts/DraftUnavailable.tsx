import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';
import { RouterLink } from '../layout/RouterLink';

/** A draft or comparison that does not exist (or cannot be read): the page's h1 and a way back. */
export function DraftUnavailable({ paperId, title }: { paperId: string; title: string }) {
  const t = useT();
  return (
    <Alert type="error" role="alert" className="standpunt-unavailable">
      <Heading1>{title}</Heading1>
      <Paragraph>
        <RouterLink to={`/papers/${encodeURIComponent(paperId)}`}>
          {t('draft.backToPaper')}
        </RouterLink>
      </Paragraph>
    </Alert>
  );
}
