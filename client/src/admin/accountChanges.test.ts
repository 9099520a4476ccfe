import type { PublicUser } from '@standpunt/shared';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_CHANGES, accountChangesFor, canResendInvitation } from './accountChanges';

const anna: PublicUser = {
  id: 'u1',
  email: 'anna@amsterdam.nl',
  name: 'Anna de Vries',
  municipality: 'GM0363',
  admin: false,
  active: true,
  signIn: 'password',
  createdAt: '2026-03-01T10:00:00.000Z',
};

describe('accountChangesFor', () => {
  it('offers the opposite of what the account is now', () => {
    expect(accountChangesFor(anna, false)).toEqual(['deactivate', 'makeAdmin']);
    expect(accountChangesFor({ ...anna, active: false, admin: true }, false)).toEqual([
      'reactivate',
      'revokeAdmin',
    ]);
  });

  it('offers nothing on one’s own row', () => {
    expect(accountChangesFor({ ...anna, admin: true }, true)).toEqual([]);
  });

  it('asks the server for exactly the change named', () => {
    expect(ACCOUNT_CHANGES.deactivate.patch).toEqual({ active: false });
    expect(ACCOUNT_CHANGES.revokeAdmin.patch).toEqual({ admin: false });
  });
});

describe('canResendInvitation', () => {
  it('only for an active account whose invitation waits', () => {
    expect(canResendInvitation({ ...anna, signIn: 'invited' })).toBe(true);
    expect(canResendInvitation({ ...anna, signIn: 'invited', active: false })).toBe(false);
    expect(canResendInvitation(anna)).toBe(false);
    expect(canResendInvitation({ ...anna, signIn: 'sso' })).toBe(false);
  });
});
