import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';
import type { PageRange } from './accountView';

interface AccountPaginationProps {
  range: PageRange;
  onPrevious: () => void;
  onNext: () => void;
}

/** "Vorige pagina" and "Volgende pagina" under the list, when there is more than one page. */
export function AccountPagination({ range, onPrevious, onNext }: AccountPaginationProps) {
  const t = useT();
  if (!range.hasPrevious && !range.hasNext) return null;
  return (
    <nav aria-label={t('accounts.pages')}>
      <ButtonGroup>
        <Button
          appearance="secondary-action-button"
          disabled={!range.hasPrevious}
          onClick={onPrevious}
        >
          {t('accounts.previous')}
        </Button>
        <Button appearance="secondary-action-button" disabled={!range.hasNext} onClick={onNext}>
          {t('accounts.next')}
        </Button>
      </ButtonGroup>
    </nav>
  );
}
