import fs from 'node:fs';
import path from 'node:path';
import type { LoopBlock } from '../loopBlocks.js';
import { blockContents, type BlockContent } from './blockProfile.js';

export interface ProfileFindings {
  /** Blocks of BLOCK_LIMIT_MS or more, in all processes. */
  count: number;
  longest: BlockContent | null;
  mostStorage: BlockContent | null;
}

/**
 * The profiles the server processes of one scenario write (BENCH_SERVER_PROFILE=<dir>, see
 * ServerHandle), read once they stopped and then kept in a directory named after the scenario.
 */
export class ServerProfiles {
  readonly #dir: string;
  readonly #before: Set<string>;

  constructor(dir: string) {
    this.#dir = dir;
    fs.mkdirSync(dir, { recursive: true });
    this.#before = new Set(fs.readdirSync(dir));
  }

  /** What ran in each process's recorded blocks (by pid); moves the profiles to `keepAs`. */
  collect(blocksByPid: ReadonlyMap<number, readonly LoopBlock[]>, keepAs: string): ProfileFindings {
    const kept = path.join(this.#dir, keepAs);
    fs.mkdirSync(kept, { recursive: true });
    const contents: BlockContent[] = [];
    for (const name of fs.readdirSync(this.#dir)) {
      if (!name.endsWith('.cpuprofile') || this.#before.has(name)) continue;
      const file = path.join(kept, name);
      fs.renameSync(path.join(this.#dir, name), file);
      // CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile
      const pid = Number(name.split('.')[3]);
      const blocks = blocksByPid.get(pid) ?? [];
      if (blocks.length > 0) contents.push(...blockContents(file, blocks));
    }
    const most = (key: 'ms' | 'storageMs') =>
      contents.reduce<BlockContent | null>(
        (best, each) => (!best || each[key] > best[key] ? each : best),
        null,
      );
    return { count: contents.length, longest: most('ms'), mostStorage: most('storageMs') };
  }
}
