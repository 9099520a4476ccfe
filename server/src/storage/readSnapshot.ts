import { DamagedFileError } from './DamagedFileError.js';
import { isRecord, readJsonFile } from './readJsonFile.js';
import { isBase64 } from './base64.js';

/** `papers/<id>/snapshot.json`: the compacted state of a paper's two docs. */
export interface SnapshotFile {
  /** base64 of `Y.encodeStateAsUpdate` of the content doc. */
  content: string;
  /** base64 of `Y.encodeStateAsUpdate` of the threads doc. */
  threads: string;
  /** ISO time of the compaction that wrote it. */
  compactedAt: string;
}

/** The snapshot, checked for its shape; null when there is none; damage names the file. */
export async function readSnapshot(file: string): Promise<SnapshotFile | null> {
  const value = await readJsonFile(file, true);
  if (value === undefined) return null;
  if (!isRecord(value)) throw new DamagedFileError(file, 'it holds no JSON object', true);
  for (const doc of ['content', 'threads'] as const) {
    const state = value[doc];
    if (typeof state !== 'string' || !isBase64(state)) {
      throw new DamagedFileError(file, `"${doc}" is missing or not base64`, true);
    }
  }
  return value as unknown as SnapshotFile;
}
