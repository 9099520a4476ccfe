import { Paragraph } from '@utrecht/component-library-react';
import type { Ref } from 'react';
import type { ApiData } from '../api/useApiData';
import type { UserPage } from '../api/users';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { pageRange } from './accountView';

interface AccountCountProps {
  page: ApiData<UserPage>;
  offset: number;
  /** Paging moves focus here: the button pressed may be gone on the new page. */
  ref: Ref<HTMLParagraphElement>;
}

/**
 * "Accounts laden…", then "1–50 van 5.000 accounts": one live region that stays in the page,
 * so that every search's outcome is announced (a region made together with its text is not).
 */
export function AccountCount({ page, offset, ref }: AccountCountProps) {
  const t = useT();
  const { language } = useLanguage();
  const number = (value: number) => value.toLocaleString(LOCALES[language]);
  let text = '';
  if (page.status === 'loading') text = t('admin.users.loading');
  else if (page.status === 'ready') {
    const range = pageRange(offset, page.data.users.length, page.data.total);
    if (range.total === 0) text = t('accounts.none');
    else if (range.last === 0) text = t('accounts.pastEnd', { total: number(range.total) });
    else {
      text = t('accounts.range', {
        first: number(range.first),
        last: number(range.last),
        total: number(range.total),
      });
    }
  }
  return (
    <Paragraph ref={ref} tabIndex={-1} role="status" className="standpunt-account-count">
      {text}
    </Paragraph>
  );
}
