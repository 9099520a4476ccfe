import { randomBytes } from 'node:crypto';

/**
 * A new server-generated identifier: 16 url-safe characters (96 random bits). Ids of this
 * shape are the only ones that ever become part of a file path.
 */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}
