/**
 * The server's metadata: accounts, sessions, papers and memberships. The rest of the server
 * reaches it only through this interface, implemented over lowdb files (`FileMetaStore`, the
 * embedded default) and over PostgreSQL (`PgMetaStore`). Every method is async, because a
 * database answers over the network; the file store answers from memory.
 *
 * Records returned are the caller's to keep: a store never changes them afterwards.
 */
import type { PaperRole, Phase } from '@standpunt/shared';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  municipality: string;
  admin: boolean;
  /** False once deactivated: cannot sign in, holds no sessions. */
  active: boolean;
  /** Null while the account has no password: invited and not yet welcomed, or sign-on only. */
  passwordHash: string | null;
  createdAt: string;
  /**
   * The single sign-on identity the account is linked to, which later sign-ins find it by;
   * absent on accounts that sign in with a password. At most one account per link.
   */
  sso?: SsoLink;
}

/** Who an OpenID Connect provider says the person is: its issuer and their `sub` there. */
export interface SsoLink {
  issuer: string;
  subject: string;
}

export type UserChanges = Partial<
  Pick<UserRecord, 'name' | 'municipality' | 'admin' | 'active' | 'passwordHash'>
>;

/** Which accounts to list (every condition given must hold), and which page of them. */
export interface UserQuery {
  /** Part of the name or the e-mail address, in any case. */
  text?: string;
  municipality?: string;
  active?: boolean;
  admin?: boolean;
  offset: number;
  limit: number;
}

/** One page of accounts, ordered by name (then id), and how many match in all. */
export interface UserPage {
  users: UserRecord[];
  total: number;
}

/** What a link in a mail lets its holder do once. */
export type AccountTokenPurpose = 'invitation' | 'reset';

export interface AccountTokenRecord {
  /** sha256 of the token in the link: a leaked store gives no usable link. */
  tokenHash: string;
  userId: string;
  purpose: AccountTokenPurpose;
  createdAt: string;
  expiresAt: string;
  /** When it was used; a used token stays, so that a second use can be told apart. */
  usedAt: string | null;
}

/** Why a token cannot be used: all of them answer 410 with a way to ask for a new link. */
export type AccountTokenRefusal = 'unknown' | 'used' | 'expired';

/** The account a token is for, or why it cannot be used. */
export type AccountTokenCheck = { userId: string } | { refused: AccountTokenRefusal };

export interface SessionRecord {
  /** sha256 of the cookie token: a leaked data file gives no usable session. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface PaperRecord {
  id: string;
  title: string;
  theme: string;
  phase: Phase;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** End of the consultation (ISO 8601), or null. */
  closesAt: string | null;
}

export interface MembershipRecord {
  paperId: string;
  userId: string;
  role: PaperRole;
}

/** A paper as one user sees it in the list: with that user's role on it. */
export interface PaperWithRole {
  paper: PaperRecord;
  role: PaperRole | null;
}

export type PaperChanges = Partial<Omit<PaperRecord, 'id' | 'createdAt' | 'createdBy'>>;

/** Every record a store holds: what moves when an installation moves to another backend. */
export interface MetaContents {
  users: UserRecord[];
  sessions: SessionRecord[];
  papers: PaperRecord[];
  memberships: MembershipRecord[];
  accountTokens: AccountTokenRecord[];
}

export interface MetaStore {
  // Accounts
  countUsers(): Promise<number>;
  /** Every account, oldest first. */
  listUsers(): Promise<UserRecord[]>;
  findUserById(id: string): Promise<UserRecord | undefined>;
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  /** The account linked to this single sign-on identity (both compared exactly). */
  findUserBySso(issuer: string, subject: string): Promise<UserRecord | undefined>;
  addUser(user: UserRecord): Promise<void>;
  /**
   * Adds every one or none: rejects with {@link EmailTakenError}, adding nothing, when an
   * address is held already (or twice in `users`).
   */
  addUsers(users: readonly UserRecord[]): Promise<void>;
  /** Rejects with {@link NoSuchUserError} when there is no such account. */
  updateUser(id: string, changes: UserChanges): Promise<UserRecord>;
  searchUsers(query: UserQuery): Promise<UserPage>;

  // Sessions
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  /** Also drops expired sessions, so they do not pile up. */
  addSession(session: SessionRecord): Promise<void>;
  extendSession(tokenHash: string, expiresAt: string): Promise<void>;
  removeSession(tokenHash: string): Promise<void>;
  /** The account's sessions, expired ones too, oldest first. */
  listSessionsOf(userId: string): Promise<SessionRecord[]>;
  /** Ends every session of the account, but the one `keep` names (the caller's own). */
  removeSessionsOf(userId: string, keep?: string): Promise<void>;

  // Links sent by mail (invitations, password resets)
  /**
   * Adds tokens in one write (an import invites thousands); each account's earlier token for
   * the same purpose stops working.
   */
  addAccountTokens(tokens: readonly AccountTokenRecord[]): Promise<void>;
  /**
   * Marks the token used, in one step with checking it: of two uses at once, one succeeds.
   * The account it is for, or why it cannot be used.
   */
  useAccountToken(
    tokenHash: string,
    purpose: AccountTokenPurpose,
    now: string,
  ): Promise<AccountTokenCheck>;
  /** As {@link useAccountToken} says it, without using the token. */
  checkAccountToken(
    tokenHash: string,
    purpose: AccountTokenPurpose,
    now: string,
  ): Promise<AccountTokenCheck>;

  // Papers and memberships
  /** Every paper, with `userId`'s role on each (null where they hold none). */
  listPapersFor(userId: string): Promise<PaperWithRole[]>;
  findPaper(id: string): Promise<PaperRecord | undefined>;
  /** Adds a paper and its creator's membership together: both or neither. */
  addPaper(paper: PaperRecord, creator: MembershipRecord): Promise<void>;
  /** Applies `changes` and stamps `updatedAt`; rejects when there is no such paper. */
  updatePaper(id: string, changes: PaperChanges): Promise<PaperRecord>;
  roleOf(paperId: string, userId: string): Promise<PaperRole | null>;
  membershipsOf(paperId: string): Promise<MembershipRecord[]>;
  /** Papers on which the user holds `role`. */
  paperIdsWithRole(userId: string, role: PaperRole): Promise<Set<string>>;
  setMember(paperId: string, userId: string, role: PaperRole): Promise<void>;
  removeMember(paperId: string, userId: string): Promise<void>;

  // Moving an installation to another backend (`migrate-data`)
  /** Every record, as stored; the order within each list is not promised. */
  exportAll(): Promise<MetaContents>;
  /**
   * Fills an empty store with `contents` exactly as given (ids, password hashes, timestamps),
   * all or nothing. Rejects, changing nothing, when the store holds any record: two
   * installations are never merged.
   */
  importAll(contents: MetaContents): Promise<void>;

  /** Waits for writes in progress and lets go of files or connections. */
  close(): Promise<void>;
}

/** A paper that was asked for by id and is not there. */
export class NoSuchPaperError extends Error {
  constructor(readonly paperId: string) {
    super(`No paper ${paperId}`);
  }
}

/** An account that was asked for by id and is not there. */
export class NoSuchUserError extends Error {
  constructor(readonly userId: string) {
    super(`No account ${userId}`);
  }
}

/** An e-mail address that another account holds already. */
export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`An account with ${email} exists already`);
  }
}

/** A single sign-on identity that another account is linked to already. */
export class SsoLinkTakenError extends Error {
  constructor(readonly link: SsoLink) {
    super(`An account linked to ${link.subject} at ${link.issuer} exists already`);
  }
}
