/**
 * The embedded metadata store: `DATA_DIR/standpunt.json` (lowdb), held in memory and written
 * whole on every change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { PaperRole } from '@standpunt/shared';
import { DamagedFileError } from './DamagedFileError.js';
import { DurableJsonFile, type Durability } from './durableWrite.js';
import { keepPreviousVersion } from './keepPreviousVersion.js';
import {
  EmailTakenError,
  NoSuchPaperError,
  NoSuchUserError,
  SsoLinkTakenError,
  type AccountTokenPurpose,
  type AccountTokenRecord,
  type AccountTokenCheck,
  type MembershipRecord,
  type MetaContents,
  type MetaStore,
  type PaperChanges,
  type PaperRecord,
  type PaperWithRole,
  type SessionRecord,
  type UserChanges,
  type UserPage,
  type UserQuery,
  type UserRecord,
} from './MetaStore.js';
import { compareUsersByName, matchesUserQuery } from './userQuery.js';
import { isSsoLink, ssoLinkKey } from './ssoLinks.js';
import { isRecord, readJsonFile } from './readJsonFile.js';

interface MetaData {
  users: UserRecord[];
  sessions: SessionRecord[];
  papers: PaperRecord[];
  memberships: MembershipRecord[];
  accountTokens: AccountTokenRecord[];
}

const emptyData = (): MetaData => ({
  users: [],
  sessions: [],
  papers: [],
  memberships: [],
  accountTokens: [],
});

export const META_FILE = 'standpunt.json';

const COLLECTIONS = ['users', 'sessions', 'papers', 'memberships'] as const;
/** Collections added since the first release: a file written before lacks them. */
const LATER_COLLECTIONS = ['accountTokens'] as const;

/**
 * The parsed file, checked for its shape. lowdb would take an empty file for a SyntaxError
 * without a name and `null` or `{}` for "no data" — and the next write would then replace every
 * account and paper with defaults. Anything but the expected shape is refused instead.
 */
export function checkMetaData(file: string, value: unknown): MetaData {
  if (!isRecord(value)) throw new DamagedFileError(file, 'it holds no JSON object', true);
  for (const key of COLLECTIONS) {
    const list = value[key];
    if (!Array.isArray(list) || !list.every(isRecord)) {
      throw new DamagedFileError(file, `"${key}" is missing or not a list of records`, true);
    }
  }
  for (const key of LATER_COLLECTIONS) {
    const list = value[key];
    if (list !== undefined && !(Array.isArray(list) && list.every(isRecord))) {
      throw new DamagedFileError(file, `"${key}" is not a list of records`, true);
    }
  }
  return value as unknown as MetaData;
}

/**
 * A missing metadata file is a new server — unless the directory shows it had data: then the
 * file was lost, and starting empty would hide that (and create a fresh admin over it).
 */
function assertReallyNew(dataDir: string, file: string): void {
  const leftovers = [`${META_FILE}.bak`, 'papers', 'audit.log'].filter((name) =>
    fs.existsSync(path.join(dataDir, name)),
  );
  if (leftovers.length > 0) {
    throw new DamagedFileError(
      file,
      `it is missing, while ${leftovers.join(', ')} in the same directory show it held data`,
      leftovers.includes(`${META_FILE}.bak`),
    );
  }
}

/**
 * Copies, so that callers never hold (or change) the store's own records; deep, since an
 * account's single sign-on link is an object of its own.
 */
const copy = <T extends object>(record: T): T => structuredClone(record);

function tokenCheck(token: AccountTokenRecord | undefined, now: string): AccountTokenCheck {
  if (!token) return { refused: 'unknown' };
  if (token.usedAt !== null) return { refused: 'used' };
  if (token.expiresAt <= now) return { refused: 'expired' };
  return { userId: token.userId };
}

export class FileMetaStore implements MetaStore {
  private constructor(
    private readonly db: Low<MetaData>,
    private readonly file: string,
  ) {}

  static async open(
    dataDir: string,
    durability: Durability = { fsync: true },
  ): Promise<FileMetaStore> {
    const file = path.join(dataDir, META_FILE);
    const stored = await readJsonFile(file, true);
    if (stored === undefined) assertReallyNew(dataDir, file);
    const data = stored === undefined ? emptyData() : checkMetaData(file, stored);
    // Not JSONFilePreset: that one silently keeps everything in memory when NODE_ENV=test. Not
    // lowdb's JSONFile either: it renames its temporary file without flushing it first.
    const db = new Low<MetaData>(new DurableJsonFile(file, durability), data);
    // Records written before these fields existed.
    for (const paper of db.data.papers) paper.closesAt ??= null;
    for (const user of db.data.users) user.active ??= true;
    db.data.accountTokens ??= [];
    return new FileMetaStore(db, file);
  }

  /**
   * Applies a change to a copy of the data and writes the whole file (atomically: temp file +
   * rename, both flushed to disk with fsync on), keeping the version it replaces as
   * `standpunt.json.bak`. The copy becomes the store's data only once written, so a failed
   * write leaves memory as the file is.
   * Changes are written one after the other: lowdb writes whatever `data` holds.
   */
  private change(mutate: (data: MetaData) => void): Promise<void> {
    const run = this.writes.then(async () => {
      const before = this.db.data;
      const next = structuredClone(before);
      mutate(next);
      this.db.data = next;
      try {
        keepPreviousVersion(this.file);
        await this.db.write();
      } catch (error) {
        this.db.data = before;
        throw error;
      }
    });
    this.writes = run.catch(() => {});
    return run;
  }

  private writes: Promise<void> = Promise.resolve();

  // Accounts

  async countUsers(): Promise<number> {
    return this.db.data.users.length;
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.db.data.users.map(copy);
  }

  async findUserById(id: string): Promise<UserRecord | undefined> {
    const user = this.db.data.users.find((each) => each.id === id);
    return user && copy(user);
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const user = this.db.data.users.find((each) => each.email === email);
    return user && copy(user);
  }

  async findUserBySso(issuer: string, subject: string): Promise<UserRecord | undefined> {
    const user = this.db.data.users.find((each) => isSsoLink(each.sso, issuer, subject));
    return user && copy(user);
  }

  async addUser(user: UserRecord): Promise<void> {
    await this.addUsers([user]);
  }

  async addUsers(users: readonly UserRecord[]): Promise<void> {
    await this.change((data) => {
      const taken = new Set(data.users.map((user) => user.email));
      const linked = new Set(
        data.users.flatMap((user) => (user.sso ? [ssoLinkKey(user.sso)] : [])),
      );
      for (const user of users) {
        if (taken.has(user.email)) throw new EmailTakenError(user.email);
        taken.add(user.email);
        if (user.sso && linked.has(ssoLinkKey(user.sso))) throw new SsoLinkTakenError(user.sso);
        if (user.sso) linked.add(ssoLinkKey(user.sso));
      }
      data.users.push(...users.map(copy));
    });
  }

  async updateUser(id: string, changes: UserChanges): Promise<UserRecord> {
    let updated: UserRecord | undefined;
    await this.change((data) => {
      const user = data.users.find((each) => each.id === id);
      if (!user) throw new NoSuchUserError(id);
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) Object.assign(user, { [key]: value });
      }
      updated = copy(user);
    });
    return updated!;
  }

  async searchUsers(query: UserQuery): Promise<UserPage> {
    const matching = this.db.data.users
      .filter((user) => matchesUserQuery(user, query))
      .sort(compareUsersByName);
    return {
      users: matching.slice(query.offset, query.offset + query.limit).map(copy),
      total: matching.length,
    };
  }

  // Sessions

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const session = this.db.data.sessions.find((each) => each.tokenHash === tokenHash);
    return session && copy(session);
  }

  async addSession(session: SessionRecord): Promise<void> {
    const now = new Date().toISOString();
    await this.change((data) => {
      data.sessions = data.sessions.filter((s) => s.expiresAt > now);
      data.sessions.push(copy(session));
    });
  }

  async extendSession(tokenHash: string, expiresAt: string): Promise<void> {
    await this.change((data) => {
      const session = data.sessions.find((s) => s.tokenHash === tokenHash);
      if (session) session.expiresAt = expiresAt;
    });
  }

  async removeSession(tokenHash: string): Promise<void> {
    await this.change((data) => {
      data.sessions = data.sessions.filter((s) => s.tokenHash !== tokenHash);
    });
  }

  async listSessionsOf(userId: string): Promise<SessionRecord[]> {
    return this.db.data.sessions
      .filter((s) => s.userId === userId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(copy);
  }

  async removeSessionsOf(userId: string, keep?: string): Promise<void> {
    await this.change((data) => {
      data.sessions = data.sessions.filter((s) => s.userId !== userId || s.tokenHash === keep);
    });
  }

  // Links sent by mail

  async addAccountTokens(tokens: readonly AccountTokenRecord[]): Promise<void> {
    const replaced = new Set(tokens.map((t) => `${t.purpose}:${t.userId}`));
    await this.change((data) => {
      data.accountTokens = data.accountTokens.filter(
        (t) => !replaced.has(`${t.purpose}:${t.userId}`),
      );
      data.accountTokens.push(...tokens.map(copy));
    });
  }

  async useAccountToken(
    tokenHash: string,
    purpose: AccountTokenPurpose,
    now: string,
  ): Promise<AccountTokenCheck> {
    let outcome: AccountTokenCheck = { refused: 'unknown' };
    await this.change((data) => {
      const token = data.accountTokens.find(
        (t) => t.tokenHash === tokenHash && t.purpose === purpose,
      );
      outcome = tokenCheck(token, now);
      if (token && 'userId' in outcome) token.usedAt = now;
    });
    return outcome;
  }

  async checkAccountToken(
    tokenHash: string,
    purpose: AccountTokenPurpose,
    now: string,
  ): Promise<AccountTokenCheck> {
    const token = this.db.data.accountTokens.find(
      (t) => t.tokenHash === tokenHash && t.purpose === purpose,
    );
    return tokenCheck(token, now);
  }

  // Papers and memberships

  async listPapersFor(userId: string): Promise<PaperWithRole[]> {
    const roles = new Map<string, PaperRole>();
    for (const m of this.db.data.memberships) if (m.userId === userId) roles.set(m.paperId, m.role);
    return this.db.data.papers.map((paper) => ({
      paper: copy(paper),
      role: roles.get(paper.id) ?? null,
    }));
  }

  async findPaper(id: string): Promise<PaperRecord | undefined> {
    const paper = this.db.data.papers.find((each) => each.id === id);
    return paper && copy(paper);
  }

  async addPaper(paper: PaperRecord, creator: MembershipRecord): Promise<void> {
    await this.change((data) => {
      data.papers.push(copy(paper));
      data.memberships.push(copy(creator));
    });
  }

  async updatePaper(id: string, changes: PaperChanges): Promise<PaperRecord> {
    let updated: PaperRecord | undefined;
    await this.change((data) => {
      const paper = data.papers.find((p) => p.id === id);
      if (!paper) throw new NoSuchPaperError(id);
      Object.assign(paper, changes, { updatedAt: new Date().toISOString() });
      updated = copy(paper);
    });
    return updated!;
  }

  async roleOf(paperId: string, userId: string): Promise<PaperRole | null> {
    const membership = this.db.data.memberships.find(
      (m) => m.paperId === paperId && m.userId === userId,
    );
    return membership?.role ?? null;
  }

  async membershipsOf(paperId: string): Promise<MembershipRecord[]> {
    return this.db.data.memberships.filter((m) => m.paperId === paperId).map(copy);
  }

  async paperIdsWithRole(userId: string, role: PaperRole): Promise<Set<string>> {
    return new Set(
      this.db.data.memberships
        .filter((m) => m.userId === userId && m.role === role)
        .map((m) => m.paperId),
    );
  }

  async setMember(paperId: string, userId: string, role: PaperRole): Promise<void> {
    await this.change((data) => {
      const existing = data.memberships.find((m) => m.paperId === paperId && m.userId === userId);
      if (existing) existing.role = role;
      else data.memberships.push({ paperId, userId, role });
    });
  }

  async removeMember(paperId: string, userId: string): Promise<void> {
    await this.change((data) => {
      data.memberships = data.memberships.filter(
        (m) => !(m.paperId === paperId && m.userId === userId),
      );
    });
  }

  // Moving an installation

  async exportAll(): Promise<MetaContents> {
    const { users, sessions, papers, memberships, accountTokens } = this.db.data;
    return {
      users: users.map(copy),
      sessions: sessions.map(copy),
      papers: papers.map(copy),
      memberships: memberships.map(copy),
      accountTokens: accountTokens.map(copy),
    };
  }

  async importAll(contents: MetaContents): Promise<void> {
    // Checked inside the change, so no write queued before it can slip in between.
    await this.change((data) => {
      const held = [...COLLECTIONS, ...LATER_COLLECTIONS].filter((key) => data[key].length > 0);
      if (held.length > 0) {
        throw new Error(`Cannot import into ${this.file}: it holds ${held.join(', ')} already`);
      }
      data.users = contents.users.map(copy);
      data.sessions = contents.sessions.map(copy);
      data.papers = contents.papers.map(copy);
      data.memberships = contents.memberships.map(copy);
      data.accountTokens = contents.accountTokens.map(copy);
    });
  }

  async close(): Promise<void> {
    await this.writes;
  }
}
