/**
 * Accounts linked to a single sign-on identity: the provider's issuer and the person's `sub`
 * there. Both or neither; one account per identity, found by the unique index on sign-in.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';

/** Named, so that the store can tell a link taken from an address taken. */
export const SSO_LINK_INDEX = 'users_sso_link';

const statements: RawBuilder<unknown>[] = [
  sql`alter table users add column sso_issuer text`,
  sql`alter table users add column sso_subject text`,
  sql`alter table users add constraint users_sso_both
        check ((sso_issuer is null) = (sso_subject is null))`,
  sql`create unique index ${sql.id(SSO_LINK_INDEX)} on users (sso_issuer, sso_subject)
        where sso_issuer is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column sso_subject`.execute(db);
  await sql`alter table users drop column sso_issuer`.execute(db);
}
