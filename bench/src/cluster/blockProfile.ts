/**
 * What ran in a server's event-loop blocks, from its CPU profile (`--cpu-prof`): how much of
 * each block was storage work — the database and Redis clients and our stores — and how
 * much of it the process spent off its core, waiting for one. The loop's monitor says how
 * long a block was; this says whether the database made it.
 */
import fs from 'node:fs';
import type { LoopBlock } from '../loopBlocks.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Code that counts as storage work: the drivers, and our stores and cluster messaging. */
const STORAGE_CODE =
  /\/node_modules\/\.pnpm\/(pg|pg-[a-z-]+|pgpass|postgres-[a-z-]+|kysely|ioredis|@ioredis\+[a-z-]+|redis-[a-z-]+)@|\/server\/dist\/(storage|cluster)\//;

/**
 * The profiler samples about every millisecond; a longer gap before a sample is time the
 * thread did not run (it waited for a core), not time spent where the sample found it.
 */
const MAX_SAMPLE_US = 3000;

export interface BlockContent {
  ms: number;
  storageMs: number;
  /** Gaps between samples beyond their usual interval: the thread was off its core. */
  offCoreMs: number;
  /** What took most of it, by self time. */
  top: string;
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\/\.pnpm\/([^/]+)\/.*\/([^/]+)$/, '$1/$2')
    .replace(/^.*\/server\/dist\//, '');
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

/**
 * The nodes whose nearest JavaScript outside Node's own is storage code: a socket write the
 * database client makes counts, and so does the native code under it; what a Redis message
 * leads to in the rooms (applying the update, relaying it) does not.
 */
function storageNodes(profile: CpuProfile): Set<number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const storage = new Set<number>();
  const visit = (id: number, inStorage: boolean) => {
    const node = byId.get(id);
    if (!node) return;
    const { url } = node.callFrame;
    const owned = url !== '' && !url.startsWith('node:');
    const here = owned ? STORAGE_CODE.test(url) : inStorage;
    if (here) storage.add(id);
    for (const child of node.children ?? []) visit(child, here);
  };
  const [root] = profile.nodes;
  if (root) visit(root.id, false);
  return storage;
}

/** For each of `blocks` (sorted or not), what the profile in `file` found in it. */
export function blockContents(file: string, blocks: readonly LoopBlock[]): BlockContent[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const storage = storageNodes(profile);
  // Sample times, accumulated once.
  const times: number[] = [];
  let at = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((at += delta));
  return blocks.map(([fromUs, toUs]) => {
    const selfUs = new Map<number, number>();
    let storageUs = 0;
    let offCoreUs = 0;
    profile.samples.forEach((id, i) => {
      const time = times[i] ?? 0;
      if (time <= fromUs || time > toUs) return;
      const delta = profile.timeDeltas[i] ?? 0;
      const ran = Math.min(delta, MAX_SAMPLE_US);
      offCoreUs += delta - ran;
      selfUs.set(id, (selfUs.get(id) ?? 0) + ran);
      if (storage.has(id)) storageUs += ran;
    });
    const top = [...selfUs]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(
        ([id, us]) => `${byId.get(id) ? frameName(byId.get(id)!) : id} ${(us / 1000).toFixed(1)}`,
      )
      .join('; ');
    return {
      ms: (toUs - fromUs) / 1000,
      storageMs: storageUs / 1000,
      offCoreMs: offCoreUs / 1000,
      top,
    };
  });
}
