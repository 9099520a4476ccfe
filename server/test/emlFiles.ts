import fs from 'node:fs/promises';

/**
 * The `.eml` files written to `dir` so far, without the temporary file of one being written
 * (a dot-name that is renamed away a moment later); none when the directory is not there yet.
 */
export async function emlFilesIn(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return names.filter((name) => name.endsWith('.eml') && !name.startsWith('.')).sort();
}
