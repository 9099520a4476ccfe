/**
 * The PostgreSQL schema as Kysely sees it, and the one connection pool the stores share.
 * The tables are created by `migrations/`; these types must follow them.
 */
import { Kysely, PostgresDialect, type ColumnType } from 'kysely';
import pg from 'pg';

/**
 * A `timestamptz`: written as an ISO string, read back as a Date (node-postgres parses it).
 * Stores turn it back into `toISOString()`, so a record's strings round-trip exactly.
 */
type Timestamp = ColumnType<Date, string, string>;

/**
 * A `bigint generated always as identity`: the database numbers rows, never the insert.
 * node-postgres reads it as a string, which keeps every digit.
 */
type BigIntId = ColumnType<string, never, never>;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  municipality: string;
  admin: boolean;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  password_hash: string | null;
  created_at: Timestamp;
  /** The single sign-on link: both set, or both null. */
  sso_issuer: ColumnType<string | null, string | null | undefined, string | null>;
  sso_subject: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface PapersTable {
  id: string;
  title: string;
  theme: string;
  phase: string;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  closes_at: ColumnType<Date | null, string | null, string | null>;
}

export interface MembershipsTable {
  paper_id: string;
  user_id: string;
  role: string;
}

export interface DocSnapshotsTable {
  paper_id: string;
  doc: string;
  state: ColumnType<Buffer, Buffer, Buffer>;
}

export interface DocUpdatesTable {
  id: BigIntId;
  paper_id: string;
  doc: string;
  update: ColumnType<Buffer, Buffer, never>;
}

export interface DraftsTable {
  paper_id: string;
  number: number;
  /** The draft exactly as the file store writes it (pretty-printed JSON and a newline). */
  body: string;
  sha256: string;
  created_at: Timestamp;
}

export interface AuditEventsTable {
  seq: BigIntId;
  at: Timestamp;
  paper_id: string | null;
  actor_user_id: string | null;
  /** `json`, not `jsonb`: the text is kept as written, key order included. Parsed on read. */
  event: ColumnType<unknown, string, never>;
}

export interface OutboxTable {
  id: string;
  message_id: string;
  sender: string;
  recipient: string;
  subject: string;
  /** The whole RFC 5322 message as composed at enqueue. */
  message: string;
  created_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  /** Who holds the mail now, and until when (both null when nobody does). */
  claim: string | null;
  claimed_until: ColumnType<Date | null, string | null, string | null>;
  sent_at: ColumnType<Date | null, string | null, string | null>;
}

export interface AccountTokensTable {
  token_hash: string;
  user_id: string;
  purpose: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: ColumnType<Date | null, string | null, string | null>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  papers: PapersTable;
  memberships: MembershipsTable;
  doc_snapshots: DocSnapshotsTable;
  doc_updates: DocUpdatesTable;
  drafts: DraftsTable;
  audit_events: AuditEventsTable;
  outbox: OutboxTable;
  account_tokens: AccountTokensTable;
}

/**
 * Every table, with what an administrator calls its rows. A table added to `Database` must be
 * added here too (the type says so): migrate-data and the tests go over this list.
 */
export const TABLE_ROWS: Record<keyof Database, string> = {
  users: 'accounts',
  sessions: 'sessions',
  papers: 'papers',
  memberships: 'memberships',
  doc_snapshots: 'document snapshots',
  doc_updates: 'document updates',
  drafts: 'drafts',
  audit_events: 'audit events',
  outbox: 'mails',
  account_tokens: 'links sent by mail',
};

/** How long to wait for a connection (also for a free one from the pool) before failing. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A handle on the database at `url`: a pool of up to 10 connections, opened as needed.
 * `onIdleError` hears of a pooled connection that broke while idle (the server restarted):
 * without a listener, node-postgres would throw that error and end the process.
 */
export function createDatabase(
  url: string,
  onIdleError: (error: Error) => void = () => {},
): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  pool.on('error', onIdleError);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** A Uint8Array as the Buffer node-postgres sends as `bytea`, without copying it. */
export function toBytea(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A `timestamptz` as read back, as the ISO string the records hold. */
export function toIso(value: Date): string {
  return new Date(value).toISOString();
}
