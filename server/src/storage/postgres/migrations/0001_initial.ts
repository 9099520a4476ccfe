/**
 * The first schema. A migration is never changed once released: a database that ran it keeps
 * what it created, so later changes go in a new migration. For the same reason the lists of
 * phases, roles and docs are written out here rather than imported from `@standpunt/shared`:
 * a new phase needs a migration that widens the check.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';

const statements: RawBuilder<unknown>[] = [
  sql`
    create table users (
      id text primary key,
      email text not null unique,
      name text not null,
      municipality text not null,
      admin boolean not null,
      password_hash text not null,
      created_at timestamptz not null
    )`,
  sql`
    create table sessions (
      token_hash text primary key,
      user_id text not null references users on delete cascade,
      created_at timestamptz not null,
      expires_at timestamptz not null
    )`,
  // addSession deletes expired sessions by this column.
  sql`create index sessions_expires_at on sessions (expires_at)`,
  sql`
    create table papers (
      id text primary key,
      title text not null,
      theme text not null,
      phase text not null
        check (phase in ('concept', 'consultatie', 'voorgedragen', 'vastgesteld', 'ingetrokken')),
      created_at timestamptz not null,
      created_by text not null,
      updated_at timestamptz not null,
      closes_at timestamptz
    )`,
  sql`
    create table memberships (
      paper_id text not null references papers on delete cascade,
      user_id text not null references users on delete cascade,
      role text not null check (role in ('editor', 'writer', 'commenter', 'reader')),
      primary key (paper_id, user_id)
    )`,
  // The primary key serves lookups by paper; this one the papers of one person.
  sql`create index memberships_user_id on memberships (user_id)`,
  sql`
    create table doc_snapshots (
      paper_id text not null,
      doc text not null check (doc in ('content', 'threads')),
      state bytea not null,
      primary key (paper_id, doc)
    )`,
  sql`
    create table doc_updates (
      id bigint generated always as identity primary key,
      paper_id text not null,
      doc text not null check (doc in ('content', 'threads')),
      update bytea not null
    )`,
  // A paper's log is read in id order.
  sql`create index doc_updates_paper_id on doc_updates (paper_id, id)`,
  sql`
    create table drafts (
      paper_id text not null,
      number integer not null check (number > 0),
      body text not null,
      sha256 text not null,
      created_at timestamptz not null,
      primary key (paper_id, number)
    )`,
  sql`
    create table audit_events (
      seq bigint generated always as identity primary key,
      at timestamptz not null,
      paper_id text,
      actor_user_id text,
      event json not null
    )`,
  sql`create index audit_events_paper_id on audit_events (paper_id)`,
  sql`create index audit_events_at on audit_events (at)`,
];

// Kysely runs all pending migrations in one transaction, so a failure leaves nothing behind.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_events',
    'drafts',
    'doc_updates',
    'doc_snapshots',
    'memberships',
    'papers',
    'sessions',
    'users',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
