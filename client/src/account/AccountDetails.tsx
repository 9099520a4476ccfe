import { organisationName, type PublicUser } from '@standpunt/shared';
import { useT } from '../i18n/useT';

/** Name, e-mail, organisation, how one signs in, and admin rights: what the account holds. */
export function AccountDetails({ user, labelledBy }: { user: PublicUser; labelledBy: string }) {
  const t = useT();
  return (
    <dl className="standpunt-details" aria-labelledby={labelledBy}>
      <div>
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
      </div>
      <div>
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
      </div>
      <div>
        <dt>{t('account.organisation')}</dt>
        <dd>{organisationName(user.municipality)}</dd>
      </div>
      <div>
        <dt>{t('account.signIn')}</dt>
        <dd>{t(`account.signIn.${user.signIn}`)}</dd>
      </div>
      <div>
        <dt>{t('account.admin')}</dt>
        <dd>{user.admin ? t('admin.users.yes') : t('admin.users.no')}</dd>
      </div>
    </dl>
  );
}
