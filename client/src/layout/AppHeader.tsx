import { organisationName } from '@standpunt/shared';
import { Button, PageHeader } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router';
import { ACCOUNT_PATH } from '../account/accountPaths';
import { useAuth } from '../auth/useAuth';
import { useT } from '../i18n/useT';
import { LanguageSwitch } from './LanguageSwitch';
import { RouterLink } from './RouterLink';

/** The banner of every page: app name, main navigation, who is signed in, language switch. */
export function AppHeader() {
  const t = useT();
  const { state, logout } = useAuth();
  const navigate = useNavigate();
  const user = state.status === 'signedIn' ? state.user : null;

  const onLogout = () => {
    void logout().finally(() => navigate('/login', { replace: true }));
  };

  return (
    <PageHeader className="standpunt-header">
      <div className="standpunt-header__inner">
        <RouterLink to="/" className="standpunt-header__brand">
          {t('app.name')}
        </RouterLink>
        {user && (
          <nav aria-label={t('header.mainNav')} className="standpunt-header__nav">
            <RouterLink to="/">{t('header.papers')}</RouterLink>
            {/* For everyone: editors see the trail of their papers; others are told why not. */}
            <RouterLink to="/logboek">{t('header.audit')}</RouterLink>
            {user.admin && <RouterLink to="/admin">{t('header.admin')}</RouterLink>}
            <RouterLink to={ACCOUNT_PATH}>{t('header.account')}</RouterLink>
          </nav>
        )}
        <div className="standpunt-header__tools">
          {user && (
            <p className="standpunt-header__user">
              <span className="standpunt-visually-hidden">{t('header.signedInAs')} </span>
              <span className="standpunt-header__user-name">{user.name}</span>{' '}
              <span className="standpunt-header__user-org">
                ({organisationName(user.municipality)})
              </span>
            </p>
          )}
          <LanguageSwitch />
          {user && (
            <Button appearance="secondary-action-button" onClick={onLogout}>
              {t('header.logout')}
            </Button>
          )}
        </div>
      </div>
    </PageHeader>
  );
}
