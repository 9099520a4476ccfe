import type { PublicUser } from '@standpunt/shared';
import type { UserPage } from '../api/users';
import { AccountPagination } from './AccountPagination';
import { AccountTable } from './AccountTable';
import { ACCOUNT_PAGE_SIZE, pageRange } from './accountView';

interface AccountResultsProps {
  page: UserPage;
  offset: number;
  onUpdated: (user: PublicUser, message: string) => void;
  onMessage: (message: string) => void;
  onTurn: (offset: number) => void;
}

/** The page's accounts and the buttons to the pages around it. */
export function AccountResults({
  page,
  offset,
  onUpdated,
  onMessage,
  onTurn,
}: AccountResultsProps) {
  const range = pageRange(offset, page.users.length, page.total);
  return (
    <>
      {page.users.length > 0 && (
        <AccountTable users={page.users} onUpdated={onUpdated} onMessage={onMessage} />
      )}
      <AccountPagination
        range={range}
        onPrevious={() => onTurn(Math.max(0, offset - ACCOUNT_PAGE_SIZE))}
        onNext={() => onTurn(offset + ACCOUNT_PAGE_SIZE)}
      />
    </>
  );
}
