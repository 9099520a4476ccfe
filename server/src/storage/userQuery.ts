import type { UserQuery, UserRecord } from './MetaStore.js';

/**
 * What `MetaStore.searchUsers` means, for the stores that filter in memory; PgMetaStore says
 * the same in SQL (case-insensitive parts, code-point order of the lower-cased name).
 */
export function matchesUserQuery(user: UserRecord, query: UserQuery): boolean {
  if (query.municipality !== undefined && user.municipality !== query.municipality) return false;
  if (query.active !== undefined && user.active !== query.active) return false;
  if (query.admin !== undefined && user.admin !== query.admin) return false;
  if (query.text) {
    const text = query.text.toLowerCase();
    return user.name.toLowerCase().includes(text) || user.email.includes(text);
  }
  return true;
}

export function compareUsersByName(a: UserRecord, b: UserRecord): number {
  const [nameA, nameB] = [a.name.toLowerCase(), b.name.toLowerCase()];
  if (nameA !== nameB) return nameA < nameB ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
