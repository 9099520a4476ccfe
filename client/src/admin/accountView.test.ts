import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_PAGE_SIZE,
  accountStatus,
  accountViewFromParams,
  accountViewParams,
  NO_ACCOUNT_FILTER,
  pageRange,
  userListQuery,
} from './accountView';

describe('the account view in the address', () => {
  it('goes there and back with only what is set', () => {
    const view = {
      filter: { q: 'jansen', municipality: 'GM0363', active: 'false', admin: '' },
      offset: 100,
    } as const;
    const params = accountViewParams(view);
    expect(params.toString()).toBe('q=jansen&municipality=GM0363&active=false&offset=100');
    expect(accountViewFromParams(params)).toEqual(view);
  });

  it('is the first page without filters for an address without parameters', () => {
    expect(accountViewFromParams(new URLSearchParams())).toEqual({
      filter: NO_ACCOUNT_FILTER,
      offset: 0,
    });
    expect(accountViewParams({ filter: NO_ACCOUNT_FILTER, offset: 0 }).toString()).toBe('');
  });

  it('ignores what it does not understand instead of sending it to the server', () => {
    const view = accountViewFromParams(
      new URLSearchParams('municipality=GM9999&active=ja&admin=1&offset=-5'),
    );
    expect(view).toEqual({ filter: NO_ACCOUNT_FILTER, offset: 0 });
    expect(accountViewFromParams(new URLSearchParams('offset=2.5')).offset).toBe(0);
  });
});

describe('userListQuery', () => {
  it('asks for one page, with the conditions that are set', () => {
    expect(
      userListQuery({
        filter: { ...NO_ACCOUNT_FILTER, q: '  anna ', admin: 'true' },
        offset: 50,
      }),
    ).toEqual({ q: 'anna', admin: 'true', offset: 50, limit: ACCOUNT_PAGE_SIZE });
  });
});

describe('pageRange', () => {
  it('counts from 1, as people do', () => {
    expect(pageRange(0, 50, 5000)).toEqual({
      first: 1,
      last: 50,
      total: 5000,
      hasPrevious: false,
      hasNext: true,
    });
    expect(pageRange(4950, 50, 5000)).toMatchObject({ first: 4951, last: 5000, hasNext: false });
  });

  it('is empty when nothing matches', () => {
    expect(pageRange(0, 0, 0)).toEqual({
      first: 0,
      last: 0,
      total: 0,
      hasPrevious: false,
      hasNext: false,
    });
  });
});

describe('accountStatus', () => {
  it('puts deactivation before how the account signs in', () => {
    expect(accountStatus({ active: false, signIn: 'password' })).toBe('deactivated');
    expect(accountStatus({ active: false, signIn: 'invited' })).toBe('deactivated');
    expect(accountStatus({ active: true, signIn: 'invited' })).toBe('invited');
    expect(accountStatus({ active: true, signIn: 'sso' })).toBe('sso');
    expect(accountStatus({ active: true, signIn: 'password' })).toBe('active');
  });
});
