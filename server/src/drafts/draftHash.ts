import { createHash } from 'node:crypto';
import type { Draft } from '@standpunt/shared';
import { canonicalJson } from './canonicalJson.js';

/** sha256 (hex) of the canonical JSON of everything in a draft but its hash. */
export function draftHash(draft: Omit<Draft, 'sha256'> & { sha256?: unknown }): string {
  const { sha256: _ignored, ...hashed } = draft;
  return createHash('sha256').update(canonicalJson(hashed)).digest('hex');
}

/** sha256 (hex) of some bytes, e.g. an exported file. */
export function bytesHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
