/**
 * Every migration, by name; Kysely runs them in the order of their names. Listed here rather
 * than found in a directory, so the compiled server needs no directory scan to know them.
 */
import type { Migration } from 'kysely';
import * as initial from './0001_initial.js';

export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
};
