import { Heading1, Paragraph } from '@utrecht/component-library-react';
import type { AccountLinkPurpose } from '../api/accountLinks';
import { useT } from '../i18n/useT';
import { RouterLink } from '../layout/RouterLink';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { FORGOT_PASSWORD_PATH } from './accountPaths';

/**
 * A mail's link that no longer works (410): used, replaced by a newer one, or expired. Says
 * which way leads on: a new reset link, or for an invitation also the administrator.
 */
export function LinkGone({ purpose }: { purpose: AccountLinkPurpose }) {
  const t = useT();
  useDocumentTitle(t('linkGone.title'));
  return (
    <div className="standpunt-content standpunt-content--narrow">
      <Heading1>{t('linkGone.title')}</Heading1>
      <Paragraph>{t('linkGone.body')}</Paragraph>
      <Paragraph>
        {t(purpose === 'invitation' ? 'linkGone.invitation' : 'linkGone.reset')}
      </Paragraph>
      <ul className="standpunt-link-list">
        <li>
          <RouterLink to={FORGOT_PASSWORD_PATH}>{t('linkGone.request')}</RouterLink>
        </li>
        <li>
          <RouterLink to="/login">{t('linkGone.login')}</RouterLink>
        </li>
      </ul>
    </div>
  );
}
