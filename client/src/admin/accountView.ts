import { isOrganisationCode, type PublicUser, type UserListQuery } from '@standpunt/shared';

/** A yes/no condition of the account list; empty for "either". */
export type Condition = '' | 'true' | 'false';

/** The account list's filters; an empty string means "any". */
export interface AccountFilter {
  q: string;
  municipality: string;
  active: Condition;
  admin: Condition;
}

/** What the account list shows: its filters and where the page starts. */
export interface AccountView {
  filter: AccountFilter;
  offset: number;
}

/** Enough to scan at a glance; 5,000 accounts are a hundred pages. */
export const ACCOUNT_PAGE_SIZE = 50;

export const NO_ACCOUNT_FILTER: AccountFilter = { q: '', municipality: '', active: '', admin: '' };

const condition = (value: string | null): Condition =>
  value === 'true' || value === 'false' ? value : '';

/**
 * The view from the address (`/admin?q=…&active=false&offset=50`), so that it survives a
 * reload and can be shared. What is not understood there is ignored rather than sent on.
 */
export function accountViewFromParams(params: URLSearchParams): AccountView {
  const municipality = params.get('municipality') ?? '';
  const offset = Number(params.get('offset'));
  return {
    filter: {
      q: params.get('q')?.trim() ?? '',
      municipality: isOrganisationCode(municipality) ? municipality : '',
      active: condition(params.get('active')),
      admin: condition(params.get('admin')),
    },
    offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The address's parameters for a view: only what is set. */
export function accountViewParams({ filter, offset }: AccountView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'municipality', 'active', 'admin'] as const) {
    const value = filter[key].trim();
    if (value) params.set(key, value);
  }
  if (offset > 0) params.set('offset', String(offset));
  return params;
}

/** The API's query for one page of the view. */
export function userListQuery({ filter, offset }: AccountView): UserListQuery {
  return {
    ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
    ...(filter.municipality ? { municipality: filter.municipality } : {}),
    ...(filter.active ? { active: filter.active } : {}),
    ...(filter.admin ? { admin: filter.admin } : {}),
    offset,
    limit: ACCOUNT_PAGE_SIZE,
  };
}

/** "1–50 van 5.000": the positions of a page's first and last account, counted from 1. */
export interface PageRange {
  first: number;
  last: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export function pageRange(offset: number, shown: number, total: number): PageRange {
  return {
    first: shown === 0 ? 0 : offset + 1,
    last: offset + shown,
    total,
    hasPrevious: offset > 0,
    hasNext: offset + shown < total,
  };
}

/** How an account signs in, or that it cannot: what the list shows as its status. */
export type AccountStatus = 'active' | 'invited' | 'sso' | 'deactivated';

export function accountStatus(user: Pick<PublicUser, 'active' | 'signIn'>): AccountStatus {
  if (!user.active) return 'deactivated';
  if (user.signIn === 'invited') return 'invited';
  if (user.signIn === 'sso') return 'sso';
  return 'active';
}
