/**
 * Accounts that can be deactivated and that may have no password yet (invited, or signing on
 * through their municipality's provider), and the single-use links sent by mail.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';

const statements: RawBuilder<unknown>[] = [
  sql`alter table users add column active boolean not null default true`,
  sql`alter table users alter column password_hash drop not null`,
  sql`
    create table account_tokens (
      token_hash text primary key,
      user_id text not null references users on delete cascade,
      purpose text not null check (purpose in ('invitation', 'reset')),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    )`,
  // A new token replaces the account's earlier ones for the same purpose.
  sql`create index account_tokens_user on account_tokens (user_id, purpose)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table account_tokens`.execute(db);
  await sql`alter table users drop column active`.execute(db);
}
