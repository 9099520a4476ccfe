/**
 * The metadata store over PostgreSQL: accounts, sessions, papers and memberships in their own
 * tables. Nothing is cached: every answer is the database's, so several server processes can
 * share one database.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { PaperRole, Phase } from '@standpunt/shared';
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
} from '../MetaStore.js';
import {
  toIso,
  type AccountTokensTable,
  type Database,
  type MembershipsTable,
  type PapersTable,
  type SessionsTable,
  type UsersTable,
} from './database.js';
import { holdsNul } from './holdsNul.js';
import { PendingWrites } from './PendingWrites.js';
import { isUniqueViolation } from './pgErrors.js';
import { SSO_LINK_INDEX } from './migrations/0003_sso.js';

const toUser = (row: Selectable<UsersTable>): UserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  municipality: row.municipality,
  admin: row.admin,
  active: row.active,
  passwordHash: row.password_hash,
  createdAt: toIso(row.created_at),
  // The schema's check keeps both set or both null.
  ...(row.sso_issuer !== null && row.sso_subject !== null
    ? { sso: { issuer: row.sso_issuer, subject: row.sso_subject } }
    : {}),
});

const toAccountToken = (row: Selectable<AccountTokensTable>): AccountTokenRecord => ({
  tokenHash: row.token_hash,
  userId: row.user_id,
  // The check constraint admits only these.
  purpose: row.purpose as AccountTokenPurpose,
  createdAt: toIso(row.created_at),
  expiresAt: toIso(row.expires_at),
  usedAt: row.used_at === null ? null : toIso(row.used_at),
});

const accountTokenRow = (token: AccountTokenRecord): Insertable<AccountTokensTable> => ({
  token_hash: token.tokenHash,
  user_id: token.userId,
  purpose: token.purpose,
  created_at: token.createdAt,
  expires_at: token.expiresAt,
  used_at: token.usedAt,
});

const toSession = (row: Selectable<SessionsTable>): SessionRecord => ({
  tokenHash: row.token_hash,
  userId: row.user_id,
  createdAt: toIso(row.created_at),
  expiresAt: toIso(row.expires_at),
});

// The check constraints of the schema admit only the values of shared's lists.
const toPaper = (row: Selectable<PapersTable>): PaperRecord => ({
  id: row.id,
  title: row.title,
  theme: row.theme,
  phase: row.phase as Phase,
  createdAt: toIso(row.created_at),
  createdBy: row.created_by,
  updatedAt: toIso(row.updated_at),
  closesAt: row.closes_at === null ? null : toIso(row.closes_at),
});

const userRow = (user: UserRecord): Insertable<UsersTable> => ({
  id: user.id,
  email: user.email,
  name: user.name,
  municipality: user.municipality,
  admin: user.admin,
  active: user.active,
  password_hash: user.passwordHash,
  created_at: user.createdAt,
  sso_issuer: user.sso?.issuer ?? null,
  sso_subject: user.sso?.subject ?? null,
});

const sessionRow = (session: SessionRecord): Insertable<SessionsTable> => ({
  token_hash: session.tokenHash,
  user_id: session.userId,
  created_at: session.createdAt,
  expires_at: session.expiresAt,
});

const paperRow = (paper: PaperRecord): Insertable<PapersTable> => ({
  id: paper.id,
  title: paper.title,
  theme: paper.theme,
  phase: paper.phase,
  created_at: paper.createdAt,
  created_by: paper.createdBy,
  updated_at: paper.updatedAt,
  closes_at: paper.closesAt,
});

const membershipRow = (membership: MembershipRecord): Insertable<MembershipsTable> => ({
  paper_id: membership.paperId,
  user_id: membership.userId,
  role: membership.role,
});

/** Whether a database error names this constraint (or unique index) as the one violated. */
const violates = (error: unknown, constraint: string): boolean =>
  (error as { constraint?: unknown } | null)?.constraint === constraint;

/** Rows per insert in importAll: well under PostgreSQL's 65535 parameters per statement. */
const IMPORT_BATCH = 1000;

/** The columns `changes` sets; a key left out (or undefined) keeps its column as it is. */
function paperColumns(changes: PaperChanges): Updateable<PapersTable> {
  const columns: Updateable<PapersTable> = {};
  if (changes.title !== undefined) columns.title = changes.title;
  if (changes.theme !== undefined) columns.theme = changes.theme;
  if (changes.phase !== undefined) columns.phase = changes.phase;
  if (changes.closesAt !== undefined) columns.closes_at = changes.closesAt;
  return columns;
}

export class PgMetaStore implements MetaStore {
  readonly #db: Kysely<Database>;
  readonly #writes = new PendingWrites();

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  // Accounts

  async countUsers(): Promise<number> {
    const { count } = await this.#db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  async listUsers(): Promise<UserRecord[]> {
    const rows = await this.#db
      .selectFrom('users')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toUser);
  }

  async findUserById(id: string): Promise<UserRecord | undefined> {
    if (holdsNul(id)) return undefined;
    const row = await this.#db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    if (holdsNul(email)) return undefined;
    const row = await this.#db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async findUserBySso(issuer: string, subject: string): Promise<UserRecord | undefined> {
    if (holdsNul(issuer, subject)) return undefined;
    const row = await this.#db
      .selectFrom('users')
      .selectAll()
      .where('sso_issuer', '=', issuer)
      .where('sso_subject', '=', subject)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async addUser(user: UserRecord): Promise<void> {
    await this.addUsers([user]);
  }

  async addUsers(users: readonly UserRecord[]): Promise<void> {
    const emails = new Set<string>();
    for (const { email } of users) {
      if (emails.has(email)) throw new EmailTakenError(email);
      emails.add(email);
    }
    if (users.length === 0) return;
    await this.#write(
      this.#db.transaction().execute(async (trx) => {
        const held = await trx
          .selectFrom('users')
          .select('email')
          .where('email', 'in', [...emails])
          .executeTakeFirst();
        if (held) throw new EmailTakenError(held.email);
        try {
          for (let at = 0; at < users.length; at += IMPORT_BATCH) {
            const batch = users.slice(at, at + IMPORT_BATCH);
            await trx.insertInto('users').values(batch.map(userRow)).execute();
          }
        } catch (error) {
          // Taken meanwhile by another process: which address, the database does not say
          // in a form worth parsing.
          const linked = users.find((each) => each.sso)?.sso;
          if (isUniqueViolation(error) && linked && violates(error, SSO_LINK_INDEX)) {
            throw new SsoLinkTakenError(linked);
          }
          if (isUniqueViolation(error)) throw new EmailTakenError(users[0]!.email);
          throw error;
        }
      }),
    );
  }

  async updateUser(id: string, changes: UserChanges): Promise<UserRecord> {
    if (holdsNul(id)) throw new NoSuchUserError(id);
    const columns: Updateable<UsersTable> = {};
    if (changes.name !== undefined) columns.name = changes.name;
    if (changes.municipality !== undefined) columns.municipality = changes.municipality;
    if (changes.admin !== undefined) columns.admin = changes.admin;
    if (changes.active !== undefined) columns.active = changes.active;
    if (changes.passwordHash !== undefined) columns.password_hash = changes.passwordHash;
    const query =
      Object.keys(columns).length === 0
        ? this.#db.selectFrom('users').selectAll().where('id', '=', id)
        : this.#db.updateTable('users').set(columns).where('id', '=', id).returningAll();
    const row = await this.#write(query.executeTakeFirst());
    if (!row) throw new NoSuchUserError(id);
    return toUser(row);
  }

  async searchUsers(query: UserQuery): Promise<UserPage> {
    if (holdsNul(query.text ?? '', query.municipality ?? '')) return { users: [], total: 0 };
    let matching = this.#db.selectFrom('users');
    if (query.municipality !== undefined) {
      matching = matching.where('municipality', '=', query.municipality);
    }
    if (query.active !== undefined) matching = matching.where('active', '=', query.active);
    if (query.admin !== undefined) matching = matching.where('admin', '=', query.admin);
    if (query.text) {
      const text = query.text.toLowerCase();
      // strpos rather than like: nothing in the text is a pattern.
      matching = matching.where(
        sql<boolean>`(strpos(lower(name), ${text}) > 0 or strpos(email, ${text}) > 0)`,
      );
    }
    const [rows, count] = await Promise.all([
      matching
        .selectAll()
        // Code-point order, as the file store sorts, whatever the database's collation.
        .orderBy(sql`lower(name) collate "C"`)
        .orderBy(sql`id collate "C"`)
        .offset(query.offset)
        .limit(query.limit)
        .execute(),
      matching.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
    ]);
    return { users: rows.map(toUser), total: Number(count.count) };
  }

  // Sessions

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    if (holdsNul(tokenHash)) return undefined;
    const row = await this.#db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toSession(row);
  }

  async addSession(session: SessionRecord): Promise<void> {
    // The clock of this process, as the file store uses: what counts as expired does not
    // depend on which of the two keeps the sessions.
    const now = new Date();
    await this.#write(
      this.#db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('expires_at', '<=', now).execute();
        await trx.insertInto('sessions').values(sessionRow(session)).execute();
      }),
    );
  }

  async extendSession(tokenHash: string, expiresAt: string): Promise<void> {
    if (holdsNul(tokenHash)) return;
    await this.#write(
      this.#db
        .updateTable('sessions')
        .set({ expires_at: expiresAt })
        .where('token_hash', '=', tokenHash)
        .execute(),
    );
  }

  async removeSession(tokenHash: string): Promise<void> {
    if (holdsNul(tokenHash)) return;
    await this.#write(
      this.#db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute(),
    );
  }

  async listSessionsOf(userId: string): Promise<SessionRecord[]> {
    if (holdsNul(userId)) return [];
    const rows = await this.#db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('token_hash')
      .execute();
    return rows.map(toSession);
  }

  async removeSessionsOf(userId: string, keep?: string): Promise<void> {
    if (holdsNul(userId)) return;
    let sessions = this.#db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keep !== undefined && !holdsNul(keep)) sessions = sessions.where('token_hash', '!=', keep);
    await this.#write(sessions.execute());
  }

  // Links sent by mail

  async addAccountTokens(tokens: readonly AccountTokenRecord[]): Promise<void> {
    if (tokens.length === 0) return;
    await this.#write(
      this.#db.transaction().execute(async (trx) => {
        // In chunks: a statement takes at most 65,535 parameters.
        for (let start = 0; start < tokens.length; start += 1000) {
          const chunk = tokens.slice(start, start + 1000);
          for (const purpose of new Set(chunk.map((t) => t.purpose))) {
            await trx
              .deleteFrom('account_tokens')
              .where('purpose', '=', purpose)
              .where(
                'user_id',
                'in',
                chunk.filter((t) => t.purpose === purpose).map((t) => t.userId),
              )
              .execute();
          }
          await trx.insertInto('account_tokens').values(chunk.map(accountTokenRow)).execute();
        }
      }),
    );
  }

  async useAccountToken(
    tokenHash: string,
    purpose: AccountTokenPurpose,
    now: string,
  ): Promise<AccountTokenCheck> {
    if (holdsNul(tokenHash)) return { refused: 'unknown' };
    // One statement marks it used only if unused and unexpired, so two uses at once cannot
    // both succeed; when nothing was marked, a second look says why.
    const used = await this.#write(
      this.#db
        .updateTable('account_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', new Date(now))
        .returning('user_id')
        .executeTakeFirst(),
    );
    if (used) return { userId: used.user_id };
    return this.checkAccountToken(tokenHash, purpose, now);
  }

  async checkAccountToken(
    tokenHash: string,
    purpose: AccountTokenPurpose,
    now: string,
  ): Promise<AccountTokenCheck> {
    if (holdsNul(tokenHash)) return { refused: 'unknown' };
    const token = await this.#db
      .selectFrom('account_tokens')
      .select(['user_id', 'used_at', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .executeTakeFirst();
    if (!token) return { refused: 'unknown' };
    if (token.used_at !== null) return { refused: 'used' };
    if (token.expires_at.getTime() <= Date.parse(now)) return { refused: 'expired' };
    return { userId: token.user_id };
  }

  // Papers and memberships

  async listPapersFor(userId: string): Promise<PaperWithRole[]> {
    // Nobody's id holds NUL or is empty: such a user holds no role on any paper.
    const memberId = holdsNul(userId) ? '' : userId;
    const rows = await this.#db
      .selectFrom('papers')
      .leftJoin('memberships', (join) =>
        join
          .onRef('memberships.paper_id', '=', 'papers.id')
          .on('memberships.user_id', '=', memberId),
      )
      .selectAll('papers')
      .select('memberships.role')
      .orderBy('papers.created_at')
      .orderBy('papers.id')
      .execute();
    return rows.map(({ role, ...paper }) => ({
      paper: toPaper(paper),
      role: (role as PaperRole | null) ?? null,
    }));
  }

  async findPaper(id: string): Promise<PaperRecord | undefined> {
    if (holdsNul(id)) return undefined;
    const row = await this.#db
      .selectFrom('papers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toPaper(row);
  }

  async addPaper(paper: PaperRecord, creator: MembershipRecord): Promise<void> {
    await this.#write(
      this.#db.transaction().execute(async (trx) => {
        await trx.insertInto('papers').values(paperRow(paper)).execute();
        await trx.insertInto('memberships').values(membershipRow(creator)).execute();
      }),
    );
  }

  async updatePaper(id: string, changes: PaperChanges): Promise<PaperRecord> {
    if (holdsNul(id)) throw new NoSuchPaperError(id);
    const row = await this.#write(
      this.#db
        .updateTable('papers')
        .set({ ...paperColumns(changes), updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    );
    if (!row) throw new NoSuchPaperError(id);
    return toPaper(row);
  }

  async roleOf(paperId: string, userId: string): Promise<PaperRole | null> {
    if (holdsNul(paperId, userId)) return null;
    const row = await this.#db
      .selectFrom('memberships')
      .select('role')
      .where('paper_id', '=', paperId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return (row?.role as PaperRole | undefined) ?? null;
  }

  async membershipsOf(paperId: string): Promise<MembershipRecord[]> {
    if (holdsNul(paperId)) return [];
    const rows = await this.#db
      .selectFrom('memberships')
      .selectAll()
      .where('paper_id', '=', paperId)
      .orderBy('user_id')
      .execute();
    return rows.map((row) => ({
      paperId: row.paper_id,
      userId: row.user_id,
      role: row.role as PaperRole,
    }));
  }

  async paperIdsWithRole(userId: string, role: PaperRole): Promise<Set<string>> {
    if (holdsNul(userId)) return new Set();
    const rows = await this.#db
      .selectFrom('memberships')
      .select('paper_id')
      .where('user_id', '=', userId)
      .where('role', '=', role)
      .execute();
    return new Set(rows.map((row) => row.paper_id));
  }

  async setMember(paperId: string, userId: string, role: PaperRole): Promise<void> {
    await this.#write(
      this.#db
        .insertInto('memberships')
        .values({ paper_id: paperId, user_id: userId, role })
        .onConflict((conflict) => conflict.columns(['paper_id', 'user_id']).doUpdateSet({ role }))
        .execute(),
    );
  }

  async removeMember(paperId: string, userId: string): Promise<void> {
    if (holdsNul(paperId, userId)) return;
    await this.#write(
      this.#db
        .deleteFrom('memberships')
        .where('paper_id', '=', paperId)
        .where('user_id', '=', userId)
        .execute(),
    );
  }

  // Moving an installation

  async exportAll(): Promise<MetaContents> {
    // One snapshot of the database for all four lists, so they fit together.
    return this.#db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const users = await trx.selectFrom('users').selectAll().execute();
        const sessions = await trx.selectFrom('sessions').selectAll().execute();
        const papers = await trx.selectFrom('papers').selectAll().execute();
        const memberships = await trx.selectFrom('memberships').selectAll().execute();
        const accountTokens = await trx.selectFrom('account_tokens').selectAll().execute();
        return {
          accountTokens: accountTokens.map(toAccountToken),
          users: users.map(toUser),
          sessions: sessions.map(toSession),
          papers: papers.map(toPaper),
          memberships: memberships.map((row) => ({
            paperId: row.paper_id,
            userId: row.user_id,
            role: row.role as PaperRole,
          })),
        };
      });
  }

  async importAll(contents: MetaContents): Promise<void> {
    await this.#write(
      this.#db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ held: boolean }>`
          select exists (select from users) or exists (select from sessions)
            or exists (select from papers) or exists (select from memberships)
            or exists (select from account_tokens) as held`.execute(trx);
        if (rows[0]?.held) throw new Error('Cannot import: the database holds accounts or papers');
        // In the order the foreign keys need: sessions and memberships name users and papers.
        const batches = async <T>(
          records: readonly T[],
          insert: (batch: readonly T[]) => Promise<unknown>,
        ) => {
          for (let at = 0; at < records.length; at += IMPORT_BATCH) {
            await insert(records.slice(at, at + IMPORT_BATCH));
          }
        };
        await batches(contents.users, (batch) =>
          trx.insertInto('users').values(batch.map(userRow)).execute(),
        );
        await batches(contents.papers, (batch) =>
          trx.insertInto('papers').values(batch.map(paperRow)).execute(),
        );
        await batches(contents.memberships, (batch) =>
          trx.insertInto('memberships').values(batch.map(membershipRow)).execute(),
        );
        await batches(contents.sessions, (batch) =>
          trx.insertInto('sessions').values(batch.map(sessionRow)).execute(),
        );
        await batches(contents.accountTokens, (batch) =>
          trx.insertInto('account_tokens').values(batch.map(accountTokenRow)).execute(),
        );
      }),
    );
  }

  /** Waits for writes in progress; the pool is the caller's to close (it is shared). */
  async close(): Promise<void> {
    await this.#writes.settled();
  }

  #write<T>(write: Promise<T>): Promise<T> {
    return this.#writes.track(write);
  }
}
