import fs from 'node:fs';

/**
 * Keeps the current version of `file` as `<file>.bak` before it is replaced, so that a file
 * found damaged later has a last good copy beside it. A hard link costs no copy: the writers
 * here (`writeFileDurably`) write a temporary file and rename it over `file`, so the old
 * content stays intact under the `.bak` name. Staged through a temporary name, so `.bak` is
 * always a whole file. Not flushed on its own: the writer's flush of the directory after its
 * rename also puts the `.bak` name on disk, and the linked content is already there.
 */
export function keepPreviousVersion(file: string): void {
  const backup = `${file}.bak`;
  const staged = `${backup}.tmp`;
  fs.rmSync(staged, { force: true });
  try {
    fs.linkSync(file, staged);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // nothing written yet: nothing to keep
    // A file system without hard links: copy instead.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    fs.copyFileSync(file, staged);
  }
  fs.renameSync(staged, backup);
}
