/**
 * The outbox: one row per mail, from enqueue until long after it was sent (the row of a sent
 * mail is kept, so "was the invitation sent, and when" stays answerable).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';

const statements: RawBuilder<unknown>[] = [
  sql`
    create table outbox (
      id text primary key,
      message_id text not null unique,
      sender text not null,
      recipient text not null,
      subject text not null,
      message text not null,
      created_at timestamptz not null,
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null,
      last_error text,
      claim text,
      claimed_until timestamptz,
      sent_at timestamptz,
      check ((claim is null) = (claimed_until is null))
    )`,
  // Senders look for the pending mail due longest; sent rows, the many, stay out of the index.
  sql`create index outbox_due on outbox (next_attempt_at, created_at, id) where sent_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table outbox`.execute(db);
}
