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
  passwordHash: string;
  createdAt: string;
}

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
}

export interface MetaStore {
  // Accounts
  countUsers(): Promise<number>;
  /** Every account, oldest first. */
  listUsers(): Promise<UserRecord[]>;
  findUserById(id: string): Promise<UserRecord | undefined>;
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  addUser(user: UserRecord): Promise<void>;

  // Sessions
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  /** Also drops expired sessions, so they do not pile up. */
  addSession(session: SessionRecord): Promise<void>;
  extendSession(tokenHash: string, expiresAt: string): Promise<void>;
  removeSession(tokenHash: string): Promise<void>;

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
