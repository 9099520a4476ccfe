/**
 * Metadata in `DATA_DIR/standpunt.json` (lowdb): accounts, sessions, papers and memberships.
 * The rest of the server reaches it only through these methods, so another backend can take
 * its place by implementing the same class shape.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { PaperRole, Phase } from '@standpunt/shared';
import { DamagedFileError } from './DamagedFileError.js';
import { keepPreviousVersion } from './keepPreviousVersion.js';
import { isRecord, readJsonFile } from './readJsonFile.js';

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

interface MetaData {
  users: UserRecord[];
  sessions: SessionRecord[];
  papers: PaperRecord[];
  memberships: MembershipRecord[];
}

const emptyData = (): MetaData => ({ users: [], sessions: [], papers: [], memberships: [] });

export const META_FILE = 'standpunt.json';

const COLLECTIONS = ['users', 'sessions', 'papers', 'memberships'] as const;

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

export class MetaStore {
  private constructor(
    private readonly db: Low<MetaData>,
    private readonly file: string,
  ) {}

  static async open(dataDir: string): Promise<MetaStore> {
    const file = path.join(dataDir, META_FILE);
    const stored = await readJsonFile(file, true);
    if (stored === undefined) assertReallyNew(dataDir, file);
    const data = stored === undefined ? emptyData() : checkMetaData(file, stored);
    // Not JSONFilePreset: that one silently keeps everything in memory when NODE_ENV=test.
    const db = new Low<MetaData>(new JSONFile(file), data);
    // Papers written before closing dates existed have no such field.
    for (const paper of db.data.papers) paper.closesAt ??= null;
    return new MetaStore(db, file);
  }

  /**
   * Applies a change and writes the whole file (atomically: temp file + rename), keeping the
   * version it replaces as `standpunt.json.bak`.
   */
  private async change(mutate: (data: MetaData) => void): Promise<void> {
    mutate(this.db.data);
    keepPreviousVersion(this.file);
    await this.db.write();
  }

  // Accounts

  countUsers(): number {
    return this.db.data.users.length;
  }

  listUsers(): readonly UserRecord[] {
    return this.db.data.users;
  }

  findUserById(id: string): UserRecord | undefined {
    return this.db.data.users.find((user) => user.id === id);
  }

  findUserByEmail(email: string): UserRecord | undefined {
    return this.db.data.users.find((user) => user.email === email);
  }

  async addUser(user: UserRecord): Promise<void> {
    await this.change((data) => data.users.push(user));
  }

  // Sessions

  findSession(tokenHash: string): SessionRecord | undefined {
    return this.db.data.sessions.find((session) => session.tokenHash === tokenHash);
  }

  async addSession(session: SessionRecord): Promise<void> {
    const now = new Date().toISOString();
    await this.change((data) => {
      // Expired sessions are dropped whenever a new one starts, so the file does not grow.
      data.sessions = data.sessions.filter((s) => s.expiresAt > now);
      data.sessions.push(session);
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

  // Papers and memberships

  listPapers(): readonly PaperRecord[] {
    return this.db.data.papers;
  }

  findPaper(id: string): PaperRecord | undefined {
    return this.db.data.papers.find((paper) => paper.id === id);
  }

  async addPaper(paper: PaperRecord, creator: MembershipRecord): Promise<void> {
    await this.change((data) => {
      data.papers.push(paper);
      data.memberships.push(creator);
    });
  }

  async updatePaper(id: string, changes: Partial<Omit<PaperRecord, 'id'>>): Promise<PaperRecord> {
    let updated: PaperRecord | undefined;
    await this.change((data) => {
      const paper = data.papers.find((p) => p.id === id);
      if (!paper) return;
      Object.assign(paper, changes, { updatedAt: new Date().toISOString() });
      updated = paper;
    });
    if (!updated) throw new Error(`No paper ${id}`);
    return updated;
  }

  roleOf(paperId: string, userId: string): PaperRole | null {
    const membership = this.db.data.memberships.find(
      (m) => m.paperId === paperId && m.userId === userId,
    );
    return membership?.role ?? null;
  }

  membershipsOf(paperId: string): readonly MembershipRecord[] {
    return this.db.data.memberships.filter((m) => m.paperId === paperId);
  }

  /** Papers on which the user holds `role`. */
  paperIdsWithRole(userId: string, role: PaperRole): Set<string> {
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
}
