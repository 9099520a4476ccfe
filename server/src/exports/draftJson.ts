import type { Draft } from '@standpunt/shared';
import { sortedKeys } from '../drafts/canonicalJson.js';

/**
 * A draft as JSON: the stored draft itself (document, numbering, metadata and hash), keys
 * sorted and indented, so it is byte-identical every time and anyone can check the hash by
 * hashing the canonical JSON of everything but `sha256`.
 */
export function draftJson(draft: Draft): string {
  return `${JSON.stringify(sortedKeys(draft), null, 2)}\n`;
}
