/**
 * Writing files so that they survive a power loss, not only a crash of the process.
 *
 * A `write` that returned is in the OS's page cache: it survives the process being killed, but
 * a power loss can still drop it — and a `rename` that replaced a file can be dropped too, or
 * reach the disk before the data of the file it names. With `fsync` on, a whole file is
 * written to a temporary file, that file is flushed, then renamed over the target (or linked
 * to it), and then the directory is flushed, so that the new name is on disk as well. With it
 * off, the same steps run without the flushes: a crash still leaves the old or the new file,
 * never a half-written one.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

export interface Durability {
  /** Flush data and directory entries to the disk before a write counts as done. */
  fsync: boolean;
}

export interface DurableWriteOptions extends Durability {
  /**
   * Never replace `file`: fails with EEXIST when it exists (a hard link to the temporary file
   * instead of a rename, which would replace it silently).
   */
  exclusive?: boolean;
}

/**
 * A temporary name beside `file`, in the same directory so that the rename stays within one
 * file system. Unique, so that two writes of the same file can never write into one temporary
 * file; starting with a dot, so that nothing that lists data files takes it for one.
 */
function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
}

/**
 * Flushes a directory, so that the names created, renamed or removed in it are on disk. Linux
 * (and macOS) allow an fsync on a directory opened read-only.
 */
export function fsyncDirectorySync(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * `mkdir -p`; with fsync on, also flushes the parent of each directory it created: a file
 * flushed into a directory whose own name was lost in a power loss is lost with it.
 */
export function makeDirectoryDurably(dir: string, { fsync }: Durability): void {
  const firstCreated = fs.mkdirSync(dir, { recursive: true });
  if (!fsync || firstCreated === undefined) return;
  for (let created = path.resolve(dir); ; created = path.dirname(created)) {
    fsyncDirectorySync(path.dirname(created));
    if (created === path.resolve(firstCreated)) return;
  }
}

/**
 * Replaces `file` with `data` whole (or creates it, with `exclusive`): a crash or, with fsync
 * on, a power loss leaves either the old content or the new, and no temporary file once this
 * has returned or failed. The directory must exist. Asynchronous, so that the flushes wait in
 * the thread pool and not on the event loop.
 */
export async function writeFileDurably(
  file: string,
  data: string | Uint8Array,
  { fsync, exclusive = false }: DurableWriteOptions,
): Promise<void> {
  const temp = tempNameFor(file);
  try {
    const handle = await fsp.open(temp, 'wx');
    try {
      await handle.writeFile(data);
      // Before the rename: otherwise the new name can reach the disk before the data it names.
      if (fsync) await handle.sync();
    } finally {
      await handle.close();
    }
    if (exclusive) await fsp.link(temp, file);
    else await fsp.rename(temp, file);
  } finally {
    // After a rename there is nothing left to remove; after a link or a failure there is.
    await fsp.rm(temp, { force: true });
  }
  if (fsync) await fsyncDirectory(path.dirname(file));
}

/**
 * {@link writeFileDurably}, for the one caller that must not yield to the event loop while it
 * replaces a file (the update log, which appends would otherwise interleave with).
 */
export function writeFileDurablySync(
  file: string,
  data: string | Uint8Array,
  { fsync }: Durability,
): void {
  const temp = tempNameFor(file);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, data);
      if (fsync) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  if (fsync) fsyncDirectorySync(path.dirname(file));
}

/**
 * A lowdb adapter for a JSON file written by {@link writeFileDurably}, in lowdb's own format
 * (`JSONFile`: two-space indent). lowdb's `JSONFile` writes through steno, which renames a
 * temporary file without flushing it. Callers read the file themselves (with its checks), so
 * `read` only serves lowdb's `Low.read`.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly durability: Durability,
  ) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await fsp.readFile(this.file, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(data: T): Promise<void> {
    return writeFileDurably(this.file, JSON.stringify(data, null, 2), this.durability);
  }
}
