import { describe, expect, it } from 'vitest';
import { responseRights, threadActions } from './threadActions';
import { testThread } from './testThreads';

const NOW = '2025-03-10T12:00:00.000Z';
const user = { id: 'me', admin: false, municipality: 'GM0344' };

describe('response rights', () => {
  it('follow role and phase, and keep the association out of positions', () => {
    const concept = { myRole: 'commenter' as const, phase: 'concept' as const, closesAt: null };
    expect(responseRights(user, concept, NOW)).toEqual({
      userId: 'me',
      respond: true,
      takePosition: true,
      manage: false,
    });
    expect(responseRights(user, { ...concept, myRole: 'reader' }, NOW).respond).toBe(false);
    const closed = {
      myRole: null,
      phase: 'consultatie' as const,
      closesAt: '2025-03-01T00:00:00Z',
    };
    expect(responseRights(user, closed, NOW).respond).toBe(false);
    const vng = { ...user, municipality: 'VNG' };
    const open = { ...closed, closesAt: null };
    expect(responseRights(vng, open, NOW)).toMatchObject({ respond: true, takePosition: false });
    expect(responseRights(user, { ...concept, myRole: 'editor' }, NOW).manage).toBe(true);
  });
});

describe('thread actions', () => {
  const rights = { userId: 'me', respond: true, takePosition: true, manage: false };
  const mine = testThread({ author: { userId: 'me', name: 'Ik', municipality: 'GM0344' } });

  it('let the author edit and withdraw only an own open thread', () => {
    expect(threadActions(mine, rights)).toMatchObject({ edit: true, withdraw: true, reply: true });
    expect(threadActions(testThread(), rights)).toMatchObject({ edit: false, withdraw: false });
    expect(threadActions({ ...mine, status: 'resolved' }, rights).edit).toBe(false);
    expect(threadActions({ ...mine, status: 'withdrawn' }, rights).reply).toBe(false);
  });

  it('let editors process open threads and reopen processed ones', () => {
    const editor = { ...rights, manage: true };
    expect(threadActions(testThread(), editor)).toMatchObject({
      accept: true,
      reject: true,
      resolve: true,
      reopen: false,
    });
    expect(threadActions(testThread({ status: 'accepted' }), editor)).toMatchObject({
      accept: false,
      reopen: true,
    });
    expect(threadActions(testThread({ status: 'withdrawn' }), editor).reopen).toBe(false);
  });
});
