/**
 * Every migration, by name; Kysely runs them in the order of their names. Listed here rather
 * than found in a directory, so the compiled server needs no directory scan to know them.
 */
import type { Migration } from 'kysely';
import * as initial from './0001_initial.js';
import * as outbox from './0002_outbox.js';
import * as sso from './0003_sso.js';
import * as accounts from './0004_accounts.js';

export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_outbox': outbox,
  '0003_sso': sso,
  '0004_accounts': accounts,
};
