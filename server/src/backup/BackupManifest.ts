import { createHash } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { DamagedFileError } from '../storage/DamagedFileError.js';
import { isRecord, readJsonFile } from '../storage/readJsonFile.js';

/** The file in a backup that lists what it holds; it is not part of the restored data. */
export const MANIFEST_FILE = 'backup.json';
const FORMAT = 'standpunt-backup/1';

export interface BackedUpFile {
  /** Relative to the backup's root, with `/` separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof FORMAT;
  createdAt: string;
  /** The DATA_DIR it was made from. */
  source: string;
  files: BackedUpFile[];
}

export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export function newManifest(source: string, files: BackedUpFile[]): BackupManifest {
  return { format: FORMAT, createdAt: new Date().toISOString(), source, files };
}

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await fsp.writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** A listed path may only lead into the backup: a manifest is input, and restore trusts none. */
const SAFE_PATH = /^(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

export async function readManifest(dir: string): Promise<BackupManifest> {
  const file = path.join(dir, MANIFEST_FILE);
  const value = await readJsonFile(file);
  if (value === undefined) {
    throw new Error(`${dir} is not a Standpunt backup: it has no ${MANIFEST_FILE}`);
  }
  if (!isRecord(value) || value.format !== FORMAT || !Array.isArray(value.files)) {
    throw new DamagedFileError(file, `it is not a manifest of format ${FORMAT}`);
  }
  for (const entry of value.files as unknown[]) {
    if (
      !isRecord(entry) ||
      typeof entry.path !== 'string' ||
      !SAFE_PATH.test(entry.path) ||
      entry.path.split('/').some((segment) => segment === '..' || segment === '.') ||
      typeof entry.bytes !== 'number' ||
      typeof entry.sha256 !== 'string'
    ) {
      throw new DamagedFileError(file, `it lists an invalid entry ${JSON.stringify(entry)}`);
    }
  }
  return value as unknown as BackupManifest;
}
