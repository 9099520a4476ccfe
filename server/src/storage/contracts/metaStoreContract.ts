/**
 * What every MetaStore does, whichever backend keeps the data: the promises of the interface's
 * doc comments, as tests.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAPER_ROLES, PHASES, type PaperRole } from '@standpunt/shared';
import {
  EmailTakenError,
  NoSuchPaperError,
  NoSuchUserError,
  SsoLinkTakenError,
  type AccountTokenPurpose,
  type AccountTokenRecord,
  type MembershipRecord,
  type MetaContents,
  type MetaStore,
  type PaperRecord,
  type SessionRecord,
  type UserQuery,
  type UserRecord,
} from '../MetaStore.js';
import { OpenStores, type OpenStore } from './StoreUnderTest.js';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function user(n: number, changes: Partial<UserRecord> = {}): UserRecord {
  return {
    id: `user${n}`,
    email: `persoon${n}@gemeente.test`,
    name: `Persoon ${n}`,
    municipality: 'GM0363',
    admin: false,
    active: true,
    passwordHash: `scrypt$salt${n}$hash${n}`,
    // In the order they are made: the oldest first, as accounts are added.
    createdAt: new Date(Date.UTC(2025, 0, 1, 9, n)).toISOString(),
    ...changes,
  };
}

function paper(n: number, changes: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id: `paper${n}`,
    title: `Positionpaper ${n}`,
    theme: 'Beheer',
    phase: 'concept',
    createdAt: new Date(Date.UTC(2025, 1, 1, 9, n)).toISOString(),
    createdBy: 'user1',
    updatedAt: new Date(Date.UTC(2025, 1, 1, 9, n)).toISOString(),
    closesAt: null,
    ...changes,
  };
}

function session(n: number, expiresAt: string, userId = 'user1'): SessionRecord {
  return {
    tokenHash: `${'ab'.repeat(31)}${String(n).padStart(2, '0')}`,
    userId,
    createdAt: new Date(Date.UTC(2025, 2, 1, 9, n)).toISOString(),
    expiresAt,
  };
}

function accountToken(
  n: number,
  userId: string,
  purpose: AccountTokenPurpose,
  changes: Partial<AccountTokenRecord> = {},
): AccountTokenRecord {
  return {
    tokenHash: `${'cd'.repeat(31)}${String(n).padStart(2, '0')}`,
    userId,
    purpose,
    createdAt: new Date(Date.UTC(2025, 3, 1, 9, n)).toISOString(),
    expiresAt: inMinutes(60),
    usedAt: null,
    ...changes,
  };
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const byPaperId = <T extends { paper: PaperRecord }>(list: T[]) =>
  [...list].sort((a, b) => a.paper.id.localeCompare(b.paper.id));

const byUserId = (list: MembershipRecord[]) =>
  [...list].sort((a, b) => a.userId.localeCompare(b.userId));

export function describeMetaStoreContract(backend: string, open: OpenStore<MetaStore>): void {
  describe(`MetaStore contract (${backend})`, () => {
    let reopen: () => Promise<MetaStore>;
    let cleanup: () => Promise<void>;
    let store: MetaStore;
    const stores = new OpenStores<MetaStore>();

    beforeEach(async () => {
      const opened = await open();
      ({ reopen, cleanup } = opened);
      store = stores.add(opened.store);
    });
    afterEach(async () => {
      await stores.closeAll();
      await cleanup();
    });

    /** Closes the store and opens the same data again, as a restart does. */
    async function restart(): Promise<MetaStore> {
      await stores.close(store);
      store = stores.add(await reopen());
      return store;
    }

    async function addUsers(...numbers: number[]): Promise<UserRecord[]> {
      const users = numbers.map((n) => user(n));
      for (const each of users) await store.addUser(each);
      return users;
    }

    async function addPaper(n: number, creator = 'user1', changes: Partial<PaperRecord> = {}) {
      const record = paper(n, { createdBy: creator, ...changes });
      await store.addPaper(record, { paperId: record.id, userId: creator, role: 'editor' });
      return record;
    }

    describe('accounts', () => {
      it('starts with none', async () => {
        expect(await store.countUsers()).toBe(0);
        expect(await store.listUsers()).toStrictEqual([]);
        expect(await store.findUserById('user1')).toBeUndefined();
        expect(await store.findUserByEmail('persoon1@gemeente.test')).toBeUndefined();
      });

      it('stores accounts and finds them by id and by email, exactly', async () => {
        const [first, second] = [user(1, { admin: true }), user(2)];
        await store.addUser(first!);
        await store.addUser(second!);

        expect(await store.countUsers()).toBe(2);
        expect(await store.findUserById('user1')).toStrictEqual(first);
        expect(await store.findUserById('user2')).toStrictEqual(second);
        expect(await store.findUserByEmail('persoon2@gemeente.test')).toStrictEqual(second);
        expect(await store.findUserById('user3')).toBeUndefined();
        expect(await store.findUserByEmail('PERSOON2@gemeente.test')).toBeUndefined();
      });

      it('lists every account, oldest first', async () => {
        const users = await addUsers(1, 2, 3);
        expect(await store.listUsers()).toStrictEqual(users);
      });

      it('keeps every account added at once', async () => {
        const users = Array.from({ length: 20 }, (_, i) => user(i + 1));
        await Promise.all(users.map((each) => store.addUser(each)));
        expect(await store.countUsers()).toBe(20);
        const ids = (await store.listUsers()).map((each) => each.id).sort();
        expect(ids).toStrictEqual(users.map((each) => each.id).sort());
      });

      it('hands out records of the caller’s own', async () => {
        const [stored] = await addUsers(1);
        const found = (await store.findUserById('user1'))!;
        found.name = 'Iemand anders';
        const listed = (await store.listUsers())[0]!;
        listed.admin = true;
        expect(await store.findUserById('user1')).toStrictEqual(stored);
      });
    });

    describe('changing and finding accounts', () => {
      it('adds accounts without a password, and deactivated ones, exactly', async () => {
        const [invited, gone] = [user(1, { passwordHash: null }), user(2, { active: false })];
        await store.addUsers([invited, gone]);
        expect(await store.findUserById('user1')).toStrictEqual(invited);
        expect(await store.findUserById('user2')).toStrictEqual(gone);
      });

      it('adds all of a list or, when one address is taken, none', async () => {
        await addUsers(1);
        const clash = [user(2), user(3, { email: 'persoon1@gemeente.test' }), user(4)];
        await expect(store.addUsers(clash)).rejects.toBeInstanceOf(EmailTakenError);
        const twice = [user(5), user(6, { email: 'persoon5@gemeente.test' })];
        await expect(store.addUsers(twice)).rejects.toBeInstanceOf(EmailTakenError);
        expect(await store.countUsers()).toBe(1);
        await store.addUsers([user(2), user(3)]);
        expect(await store.countUsers()).toBe(3);
      });

      it('changes what is given and keeps the rest, also over a restart', async () => {
        const [first] = await addUsers(1, 2);
        const changed = await store.updateUser('user1', {
          name: 'Nieuwe Naam',
          active: false,
          passwordHash: null,
          admin: undefined,
        });
        const expected = { ...first!, name: 'Nieuwe Naam', active: false, passwordHash: null };
        expect(changed).toStrictEqual(expected);
        expect(await store.updateUser('user1', {})).toStrictEqual(expected);
        await restart();
        expect(await store.findUserById('user1')).toStrictEqual(expected);
        expect(await store.findUserById('user2')).toStrictEqual(user(2));
      });

      it('rejects a change of an account that is not there with NoSuchUserError', async () => {
        await expect(store.updateUser('user9', { name: 'X' })).rejects.toBeInstanceOf(
          NoSuchUserError,
        );
      });

      it('finds accounts by part of name or address, by organisation and state, a page at a time', async () => {
        await store.addUsers([
          user(1, { name: 'bram Visser', municipality: 'GM0344' }),
          user(2, { name: 'Anna de Vries', admin: true }),
          user(3, { name: 'Carla Vis', active: false }),
          user(4, { name: 'Anna Bakker', email: 'a.bakker@utrecht.test', municipality: 'GM0344' }),
        ]);
        const ids = async (query: Partial<UserQuery>) => {
          const page = await store.searchUsers({ offset: 0, limit: 50, ...query });
          return { ids: page.users.map((each) => each.id), total: page.total };
        };
        // By name, whatever its case; then by id.
        expect(await ids({})).toStrictEqual({
          ids: ['user4', 'user2', 'user1', 'user3'],
          total: 4,
        });
        expect(await ids({ text: 'VIS' })).toStrictEqual({ ids: ['user1', 'user3'], total: 2 });
        expect(await ids({ text: 'utrecht' })).toStrictEqual({ ids: ['user4'], total: 1 });
        expect(await ids({ text: '%' })).toStrictEqual({ ids: [], total: 0 });
        expect(await ids({ municipality: 'GM0344' })).toStrictEqual({
          ids: ['user4', 'user1'],
          total: 2,
        });
        expect(await ids({ active: false })).toStrictEqual({ ids: ['user3'], total: 1 });
        expect(await ids({ admin: true, active: true })).toStrictEqual({
          ids: ['user2'],
          total: 1,
        });
        expect(await ids({ offset: 1, limit: 2 })).toStrictEqual({
          ids: ['user2', 'user1'],
          total: 4,
        });
        expect(await ids({ text: 'anna', offset: 5 })).toStrictEqual({ ids: [], total: 2 });
      });

      it('ends every session of one account but the one kept', async () => {
        await addUsers(1, 2);
        const [own, other, elsewhere] = [
          session(1, inMinutes(60)),
          session(2, inMinutes(60)),
          session(3, inMinutes(60), 'user2'),
        ];
        for (const each of [own, other, elsewhere]) await store.addSession(each);
        await store.removeSessionsOf('user1', own.tokenHash);
        expect(await store.findSession(own.tokenHash)).toStrictEqual(own);
        expect(await store.findSession(other.tokenHash)).toBeUndefined();
        expect(await store.findSession(elsewhere.tokenHash)).toStrictEqual(elsewhere);
        await store.removeSessionsOf('user1');
        expect(await store.findSession(own.tokenHash)).toBeUndefined();
      });
    });

    describe('single sign-on links', () => {
      const link = { issuer: 'https://adfs.amsterdam.test/adfs', subject: 'Abc-123' };

      it('finds an account by its link, compared exactly, also over a restart', async () => {
        const linked = user(1, { passwordHash: null, sso: link });
        await store.addUsers([linked, user(2)]);
        const found = () => store.findUserBySso(link.issuer, link.subject);
        expect(await found()).toStrictEqual(linked);
        expect(await store.findUserById('user1')).toStrictEqual(linked);
        expect(await store.findUserBySso(link.issuer, 'ABC-123')).toBeUndefined();
        expect(await store.findUserBySso(`${link.issuer}/`, link.subject)).toBeUndefined();
        expect(await store.findUserBySso(link.subject, link.issuer)).toBeUndefined();
        expect(await store.findUserById('user2')).not.toHaveProperty('sso');
        await restart();
        expect(await found()).toStrictEqual(linked);
        expect(await store.findUserById('user2')).toStrictEqual(user(2));
      });

      it('refuses a second account with a link taken, adding nothing', async () => {
        await store.addUser(user(1, { sso: link }));
        await expect(store.addUser(user(2, { sso: link }))).rejects.toBeInstanceOf(
          SsoLinkTakenError,
        );
        const twice = { issuer: link.issuer, subject: 'twice' };
        await expect(
          store.addUsers([user(3, { sso: twice }), user(4, { sso: twice })]),
        ).rejects.toBeInstanceOf(SsoLinkTakenError);
        expect(await store.countUsers()).toBe(1);
        // The same subject at another provider is another person.
        const elsewhere = { issuer: 'https://login.utrecht.test', subject: link.subject };
        await store.addUser(user(5, { sso: elsewhere }));
        expect((await store.findUserBySso(elsewhere.issuer, elsewhere.subject))?.id).toBe('user5');
        expect((await store.findUserBySso(link.issuer, link.subject))?.id).toBe('user1');
      });

      it('lets one of several accounts with the same link added at once in', async () => {
        const outcomes = await Promise.allSettled(
          [1, 2, 3].map((n) => store.addUser(user(n, { sso: link }))),
        );
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        expect(await store.countUsers()).toBe(1);
      });

      it('hands out links of the caller’s own', async () => {
        const linked = user(1, { sso: link });
        await store.addUser(linked);
        const found = (await store.findUserBySso(link.issuer, link.subject))!;
        found.sso!.subject = 'iemand-anders';
        (await store.listUsers())[0]!.sso!.issuer = 'https://elders.test';
        expect(await store.findUserBySso(link.issuer, link.subject)).toStrictEqual(linked);
      });

      it('moves links with exportAll and importAll', async () => {
        const users = [user(1, { sso: link, passwordHash: null }), user(2)];
        await store.importAll({
          users,
          sessions: [],
          papers: [],
          memberships: [],
          accountTokens: [],
        });
        const exported = (await store.exportAll()).users;
        expect(exported.sort((a, b) => a.id.localeCompare(b.id))).toStrictEqual(users);
        expect(await store.findUserBySso(link.issuer, link.subject)).toStrictEqual(users[0]);
      });

      it('finds nothing by a link holding NUL, without failing', async () => {
        await store.addUser(user(1, { sso: link }));
        expect(await store.findUserBySso(`${link.issuer}\u0000`, link.subject)).toBeUndefined();
        expect(await store.findUserBySso(link.issuer, '\u0000')).toBeUndefined();
      });
    });

    describe('links sent by mail (account tokens)', () => {
      const now = () => new Date().toISOString();

      beforeEach(async () => {
        await addUsers(1, 2);
      });

      it('lets a token be used once, for its purpose only', async () => {
        const token = accountToken(1, 'user1', 'invitation');
        await store.addAccountTokens([token]);
        expect(await store.useAccountToken(token.tokenHash, 'reset', now())).toStrictEqual({
          refused: 'unknown',
        });
        expect(await store.useAccountToken(token.tokenHash, 'invitation', now())).toStrictEqual({
          userId: 'user1',
        });
        expect(await store.useAccountToken(token.tokenHash, 'invitation', now())).toStrictEqual({
          refused: 'used',
        });
        expect(await store.useAccountToken('unknown', 'invitation', now())).toStrictEqual({
          refused: 'unknown',
        });
      });

      it('refuses an expired token', async () => {
        const token = accountToken(1, 'user1', 'reset', { expiresAt: inMinutes(-1) });
        await store.addAccountTokens([token]);
        expect(await store.useAccountToken(token.tokenHash, 'reset', now())).toStrictEqual({
          refused: 'expired',
        });
      });

      it('lets a new token replace the account’s earlier one for the same purpose only', async () => {
        const [first, second] = [
          accountToken(1, 'user1', 'invitation'),
          accountToken(2, 'user1', 'invitation'),
        ];
        const reset = accountToken(3, 'user1', 'reset');
        const othersInvitation = accountToken(4, 'user2', 'invitation');
        for (const each of [first, reset, othersInvitation, second]) {
          await store.addAccountTokens([each]);
        }
        expect(await store.useAccountToken(first.tokenHash, 'invitation', now())).toStrictEqual({
          refused: 'unknown',
        });
        for (const [each, userId] of [
          [second, 'user1'],
          [reset, 'user1'],
          [othersInvitation, 'user2'],
        ] as const) {
          expect(await store.useAccountToken(each.tokenHash, each.purpose, now())).toStrictEqual({
            userId,
          });
        }
      });

      it('says whose a token is without using it', async () => {
        const token = accountToken(1, 'user1', 'invitation');
        const expired = accountToken(2, 'user2', 'invitation', { expiresAt: inMinutes(-1) });
        await store.addAccountTokens([token, expired]);
        for (let i = 0; i < 2; i++) {
          expect(await store.checkAccountToken(token.tokenHash, 'invitation', now())).toStrictEqual(
            { userId: 'user1' },
          );
        }
        expect(await store.checkAccountToken(token.tokenHash, 'reset', now())).toStrictEqual({
          refused: 'unknown',
        });
        expect(await store.checkAccountToken(expired.tokenHash, 'invitation', now())).toStrictEqual(
          { refused: 'expired' },
        );
        await store.useAccountToken(token.tokenHash, 'invitation', now());
        expect(await store.checkAccountToken(token.tokenHash, 'invitation', now())).toStrictEqual({
          refused: 'used',
        });
      });

      it('adds many tokens at once, replacing earlier ones of the same accounts', async () => {
        await store.addUsers(Array.from({ length: 1498 }, (_, i) => user(i + 3)));
        const earlier = accountToken(9999, 'user7', 'invitation');
        await store.addAccountTokens([earlier]);
        const many = Array.from({ length: 1500 }, (_, i) =>
          accountToken(i + 1, `user${i + 1}`, 'invitation'),
        );
        await store.addAccountTokens(many);
        expect(await store.useAccountToken(earlier.tokenHash, 'invitation', now())).toStrictEqual({
          refused: 'unknown',
        });
        for (const each of [many[0]!, many[1499]!]) {
          expect(await store.useAccountToken(each.tokenHash, 'invitation', now())).toStrictEqual({
            userId: each.userId,
          });
        }
      });

      it('lets only one of two uses at once succeed', async () => {
        const token = accountToken(1, 'user1', 'reset');
        await store.addAccountTokens([token]);
        const outcomes = await Promise.all(
          Array.from({ length: 5 }, () => store.useAccountToken(token.tokenHash, 'reset', now())),
        );
        expect(outcomes.filter((outcome) => 'userId' in outcome)).toHaveLength(1);
      });
    });

    describe('sessions', () => {
      beforeEach(async () => {
        await addUsers(1, 2);
      });

      it('stores, extends and removes a session', async () => {
        const s = session(1, inMinutes(60));
        await store.addSession(s);
        expect(await store.findSession(s.tokenHash)).toStrictEqual(s);

        const later = inMinutes(120);
        await store.extendSession(s.tokenHash, later);
        expect(await store.findSession(s.tokenHash)).toStrictEqual({ ...s, expiresAt: later });

        await store.removeSession(s.tokenHash);
        expect(await store.findSession(s.tokenHash)).toBeUndefined();
      });

      it('lists an account’s sessions, oldest first, and ends all but one', async () => {
        const [a, b, c] = [
          session(1, inMinutes(60), 'user1'),
          session(2, inMinutes(60), 'user1'),
          session(3, inMinutes(60), 'user2'),
        ];
        await store.addSession({ ...b, createdAt: '2026-12-01T10:00:00.000Z' });
        await store.addSession({ ...a, createdAt: '2026-12-01T09:00:00.000Z' });
        await store.addSession(c);
        expect((await store.listSessionsOf('user1')).map((s) => s.tokenHash)).toStrictEqual([
          a.tokenHash,
          b.tokenHash,
        ]);
        await store.removeSessionsOf('user1', b.tokenHash);
        expect((await store.listSessionsOf('user1')).map((s) => s.tokenHash)).toStrictEqual([
          b.tokenHash,
        ]);
        expect(await store.listSessionsOf('user2')).toHaveLength(1);
      });

      it('extends and removes an unknown session without complaint', async () => {
        await store.extendSession('unknown', inMinutes(5));
        await store.removeSession('unknown');
        expect(await store.findSession('unknown')).toBeUndefined();
      });

      it('drops expired sessions when one is added, and keeps the others', async () => {
        const expired = session(1, inMinutes(-1));
        const valid = session(2, inMinutes(60), 'user2');
        await store.addSession(expired);
        await store.addSession(valid);
        expect(await store.findSession(expired.tokenHash)).toBeUndefined();
        expect(await store.findSession(valid.tokenHash)).toStrictEqual(valid);

        const next = session(3, inMinutes(60));
        await store.addSession(next);
        expect(await store.findSession(valid.tokenHash)).toStrictEqual(valid);
        expect(await store.findSession(next.tokenHash)).toStrictEqual(next);
      });

      it('keeps several sessions of one person apart', async () => {
        const [a, b] = [session(1, inMinutes(10)), session(2, inMinutes(20))];
        await store.addSession(a);
        await store.addSession(b);
        await store.removeSession(a.tokenHash);
        expect(await store.findSession(a.tokenHash)).toBeUndefined();
        expect(await store.findSession(b.tokenHash)).toStrictEqual(b);
      });
    });

    describe('papers', () => {
      beforeEach(async () => {
        await addUsers(1, 2, 3);
      });

      it('starts with none', async () => {
        expect(await store.listPapersFor('user1')).toStrictEqual([]);
        expect(await store.findPaper('paper1')).toBeUndefined();
      });

      it('adds a paper together with its creator’s membership', async () => {
        const added = await addPaper(1);
        expect(await store.findPaper('paper1')).toStrictEqual(added);
        expect(await store.roleOf('paper1', 'user1')).toBe('editor');
        expect(await store.membershipsOf('paper1')).toStrictEqual([
          { paperId: 'paper1', userId: 'user1', role: 'editor' },
        ]);
      });

      it('keeps a closing date exactly as given', async () => {
        const added = await addPaper(1, 'user1', { closesAt: '2026-06-30T22:00:00.000Z' });
        expect(await store.findPaper('paper1')).toStrictEqual(added);
      });

      it('lists every paper with the role of the one asking, null where they hold none', async () => {
        const [p1, p2, p3] = [await addPaper(1), await addPaper(2), await addPaper(3, 'user2')];
        await store.setMember('paper2', 'user2', 'reader');

        expect(byPaperId(await store.listPapersFor('user1'))).toStrictEqual([
          { paper: p1, role: 'editor' },
          { paper: p2, role: 'editor' },
          { paper: p3, role: null },
        ]);
        expect(byPaperId(await store.listPapersFor('user2'))).toStrictEqual([
          { paper: p1, role: null },
          { paper: p2, role: 'reader' },
          { paper: p3, role: 'editor' },
        ]);
        expect(byPaperId(await store.listPapersFor('user3'))).toStrictEqual([
          { paper: p1, role: null },
          { paper: p2, role: null },
          { paper: p3, role: null },
        ]);
        expect(byPaperId(await store.listPapersFor('nobody'))).toHaveLength(3);
      });

      it('applies changes and stamps updatedAt', async () => {
        const added = await addPaper(1);
        const before = new Date().toISOString();
        const updated = await store.updatePaper('paper1', {
          title: 'Nieuwe titel',
          phase: 'consultatie',
          closesAt: '2026-06-30T22:00:00.000Z',
        });
        const after = new Date().toISOString();

        expect(updated).toStrictEqual({
          ...added,
          title: 'Nieuwe titel',
          phase: 'consultatie',
          closesAt: '2026-06-30T22:00:00.000Z',
          updatedAt: updated.updatedAt,
        });
        expect(updated.updatedAt).toMatch(ISO_TIME);
        expect(updated.updatedAt >= before && updated.updatedAt <= after).toBe(true);
        expect(await store.findPaper('paper1')).toStrictEqual(updated);
      });

      it('stamps updatedAt itself, also over one given with the changes', async () => {
        await addPaper(1);
        const before = new Date().toISOString();
        const updated = await store.updatePaper('paper1', {
          theme: 'Dienstverlening',
          updatedAt: '2000-01-01T00:00:00.000Z',
        });
        expect(updated.theme).toBe('Dienstverlening');
        expect(updated.updatedAt >= before).toBe(true);
      });

      it('stamps updatedAt for no changes at all, and keeps everything else', async () => {
        const added = await addPaper(1);
        const updated = await store.updatePaper('paper1', {});
        expect(updated).toStrictEqual({ ...added, updatedAt: updated.updatedAt });
        expect(updated.updatedAt > added.updatedAt).toBe(true);
      });

      it('clears a closing date with null', async () => {
        await addPaper(1, 'user1', { closesAt: '2026-06-30T22:00:00.000Z' });
        const updated = await store.updatePaper('paper1', { closesAt: null });
        expect(updated.closesAt).toBeNull();
        expect((await store.findPaper('paper1'))?.closesAt).toBeNull();
      });

      it('changes only the paper asked for', async () => {
        await addPaper(1);
        const other = await addPaper(2);
        await store.updatePaper('paper1', { title: 'Anders' });
        expect(await store.findPaper('paper2')).toStrictEqual(other);
      });

      it('rejects an update of a paper that is not there with NoSuchPaperError', async () => {
        await addPaper(1);
        const update = store.updatePaper('paper9', { title: 'Niets' });
        await expect(update).rejects.toBeInstanceOf(NoSuchPaperError);
        await expect(update).rejects.toMatchObject({ paperId: 'paper9' });
        expect(await store.findPaper('paper9')).toBeUndefined();
      });

      it.each(PHASES)('stores phase %s', async (phase) => {
        await addPaper(1);
        await store.updatePaper('paper1', { phase });
        expect((await store.findPaper('paper1'))?.phase).toBe(phase);
      });

      it('hands out records of the caller’s own', async () => {
        const added = await addPaper(1);
        const found = (await store.findPaper('paper1'))!;
        found.title = 'Veranderd';
        const [listed] = await store.listPapersFor('user1');
        listed!.paper.phase = 'vastgesteld';
        expect(await store.findPaper('paper1')).toStrictEqual(added);
      });
    });

    describe('memberships', () => {
      beforeEach(async () => {
        await addUsers(1, 2, 3);
        await addPaper(1);
        await addPaper(2);
      });

      it('adds, changes and removes a member', async () => {
        await store.setMember('paper1', 'user2', 'reader');
        expect(await store.roleOf('paper1', 'user2')).toBe('reader');

        await store.setMember('paper1', 'user2', 'writer');
        expect(await store.roleOf('paper1', 'user2')).toBe('writer');
        expect(byUserId(await store.membershipsOf('paper1'))).toStrictEqual([
          { paperId: 'paper1', userId: 'user1', role: 'editor' },
          { paperId: 'paper1', userId: 'user2', role: 'writer' },
        ]);

        await store.removeMember('paper1', 'user2');
        expect(await store.roleOf('paper1', 'user2')).toBeNull();
        expect(await store.membershipsOf('paper1')).toStrictEqual([
          { paperId: 'paper1', userId: 'user1', role: 'editor' },
        ]);
      });

      it('removes a membership that is not there without complaint', async () => {
        await store.removeMember('paper1', 'user3');
        expect(await store.membershipsOf('paper1')).toHaveLength(1);
      });

      it('keeps the memberships of each paper apart', async () => {
        await store.setMember('paper2', 'user2', 'commenter');
        expect(await store.roleOf('paper1', 'user2')).toBeNull();
        expect(await store.roleOf('paper2', 'user2')).toBe('commenter');
        await store.removeMember('paper2', 'user1');
        expect(await store.roleOf('paper1', 'user1')).toBe('editor');
        expect(await store.membershipsOf('paper2')).toStrictEqual([
          { paperId: 'paper2', userId: 'user2', role: 'commenter' },
        ]);
      });

      it.each(PAPER_ROLES)('stores role %s', async (role: PaperRole) => {
        await store.setMember('paper1', 'user2', role);
        expect(await store.roleOf('paper1', 'user2')).toBe(role);
        expect(byPaperId(await store.listPapersFor('user2'))[0]).toMatchObject({ role });
      });

      it('finds the papers on which someone holds a role', async () => {
        await addPaper(3, 'user2');
        await store.setMember('paper2', 'user2', 'writer');
        await store.setMember('paper1', 'user2', 'editor');

        expect(await store.paperIdsWithRole('user2', 'editor')).toStrictEqual(
          new Set(['paper1', 'paper3']),
        );
        expect(await store.paperIdsWithRole('user2', 'writer')).toStrictEqual(new Set(['paper2']));
        expect(await store.paperIdsWithRole('user2', 'reader')).toStrictEqual(new Set());
        expect(await store.paperIdsWithRole('user3', 'editor')).toStrictEqual(new Set());
      });

      it('keeps every member set at once', async () => {
        await addUsers(4, 5, 6, 7);
        const ids = ['user2', 'user3', 'user4', 'user5', 'user6', 'user7'];
        await Promise.all(ids.map((id) => store.setMember('paper1', id, 'commenter')));
        expect(await store.membershipsOf('paper1')).toHaveLength(ids.length + 1);
      });
    });

    it('finds nothing by an id or email holding NUL (a hostile URL), without failing', async () => {
      await addUsers(1);
      await addPaper(1);
      const hostile = 'paper1\u0000';
      expect(await store.findUserById('user1\u0000')).toBeUndefined();
      expect(await store.findUserByEmail('\u0000')).toBeUndefined();
      expect(await store.findSession('\u0000')).toBeUndefined();
      await store.extendSession('\u0000', inMinutes(5));
      await store.removeSession('\u0000');
      expect(await store.findPaper(hostile)).toBeUndefined();
      await expect(store.updatePaper(hostile, { title: 'x' })).rejects.toBeInstanceOf(
        NoSuchPaperError,
      );
      expect(await store.roleOf(hostile, 'user1')).toBeNull();
      expect(await store.roleOf('paper1', 'user1\u0000')).toBeNull();
      expect(await store.membershipsOf(hostile)).toStrictEqual([]);
      expect(await store.paperIdsWithRole('user1\u0000', 'editor')).toStrictEqual(new Set());
      expect(await store.listPapersFor('user1\u0000')).toMatchObject([{ role: null }]);
      await store.removeMember('paper1', 'user1\u0000');
      expect(await store.roleOf('paper1', 'user1')).toBe('editor');
    });

    it('keeps everything over a restart', async () => {
      const users = await addUsers(1, 2);
      const s = session(1, inMinutes(60));
      await store.addSession(s);
      await addPaper(1);
      await store.setMember('paper1', 'user2', 'commenter');
      const updated = await store.updatePaper('paper1', {
        title: 'Bewaard',
        closesAt: '2026-07-01T10:00:00.000Z',
      });

      await restart();
      expect(await store.listUsers()).toStrictEqual(users);
      expect(await store.findSession(s.tokenHash)).toStrictEqual(s);
      expect(await store.findPaper('paper1')).toStrictEqual(updated);
      expect(byUserId(await store.membershipsOf('paper1'))).toStrictEqual([
        { paperId: 'paper1', userId: 'user1', role: 'editor' },
        { paperId: 'paper1', userId: 'user2', role: 'commenter' },
      ]);
      expect(await store.listPapersFor('user2')).toStrictEqual([
        { paper: updated, role: 'commenter' },
      ]);
    });

    describe('moving everything (exportAll, importAll)', () => {
      /** Each list in one order, as exportAll promises none. */
      const sorted = (contents: MetaContents): MetaContents => ({
        users: [...contents.users].sort((a, b) => a.id.localeCompare(b.id)),
        sessions: [...contents.sessions].sort((a, b) => a.tokenHash.localeCompare(b.tokenHash)),
        papers: [...contents.papers].sort((a, b) => a.id.localeCompare(b.id)),
        memberships: [...contents.memberships].sort(
          (a, b) => a.paperId.localeCompare(b.paperId) || a.userId.localeCompare(b.userId),
        ),
        accountTokens: [...contents.accountTokens].sort((a, b) =>
          a.tokenHash.localeCompare(b.tokenHash),
        ),
      });

      /** An installation's worth of records, made elsewhere: none was added to this store. */
      const contents = (): MetaContents => ({
        users: [user(1, { admin: true }), user(2), user(3)],
        sessions: [session(1, inMinutes(60), 'user2'), session(2, inMinutes(-60), 'user3')],
        papers: [
          paper(1),
          paper(2, { phase: 'consultatie', closesAt: '2026-07-01T10:00:00.000Z' }),
        ],
        memberships: [
          { paperId: 'paper1', userId: 'user1', role: 'editor' },
          { paperId: 'paper1', userId: 'user2', role: 'commenter' },
          { paperId: 'paper2', userId: 'user1', role: 'editor' },
          { paperId: 'paper2', userId: 'user3', role: 'reader' },
        ],
        accountTokens: [accountToken(1, 'user2', 'invitation', { usedAt: inMinutes(-5) })],
      });

      it('exports nothing from an empty store', async () => {
        expect(await store.exportAll()).toStrictEqual({
          users: [],
          sessions: [],
          papers: [],
          memberships: [],
          accountTokens: [],
        });
      });

      it('exports every record added', async () => {
        const users = await addUsers(1, 2);
        const s = session(1, inMinutes(60), 'user2');
        await store.addSession(s);
        const first = await addPaper(1);
        await store.setMember('paper1', 'user2', 'writer');
        expect(sorted(await store.exportAll())).toStrictEqual({
          users,
          sessions: [s],
          papers: [first],
          memberships: [
            { paperId: 'paper1', userId: 'user1', role: 'editor' },
            { paperId: 'paper1', userId: 'user2', role: 'writer' },
          ],
          accountTokens: [],
        });
      });

      it('imports into an empty store exactly what was exported, also over a restart', async () => {
        const imported = contents();
        await store.importAll(imported);
        expect(sorted(await store.exportAll())).toStrictEqual(sorted(imported));
        // The records are the store's own now, found as added ones are.
        expect(await store.findUserByEmail('persoon1@gemeente.test')).toStrictEqual(
          imported.users[0],
        );
        expect(await store.findSession(imported.sessions[0]!.tokenHash)).toStrictEqual(
          imported.sessions[0],
        );
        expect(await store.roleOf('paper2', 'user3')).toBe('reader');
        expect(await store.findPaper('paper2')).toStrictEqual(imported.papers[1]);

        await restart();
        expect(sorted(await store.exportAll())).toStrictEqual(sorted(imported));
        expect(await store.countUsers()).toBe(3);
      });

      it('refuses to import into a store that holds records, and changes nothing', async () => {
        const users = await addUsers(1);
        await expect(store.importAll(contents())).rejects.toThrow(/Cannot import/);
        expect(await store.exportAll()).toStrictEqual({
          users,
          sessions: [],
          papers: [],
          memberships: [],
          accountTokens: [],
        });
      });
    });

    it('waits in close for writes in progress', async () => {
      const users = Array.from({ length: 5 }, (_, i) => user(i + 1));
      const writes = users.map((each) => store.addUser(each));
      await stores.close(store);
      await Promise.all(writes);
      store = stores.add(await reopen());
      expect(await store.countUsers()).toBe(5);
    });
  });
}
