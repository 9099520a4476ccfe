import fsp from 'node:fs/promises';
import { DamagedFileError } from './DamagedFileError.js';

/**
 * Reads and parses a JSON data file; `undefined` when it does not exist. An empty or
 * unparsable file is a {@link DamagedFileError} naming it — never treated as "no data", which
 * would let the next write replace what is left with defaults.
 */
export async function readJsonFile(
  file: string,
  hasPreviousVersion = false,
): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (text.trim() === '') throw new DamagedFileError(file, 'it is empty', hasPreviousVersion);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const problem = `it is not valid JSON (${(error as Error).message})`;
    throw new DamagedFileError(file, problem, hasPreviousVersion);
  }
}

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
