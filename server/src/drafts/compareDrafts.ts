import { diffWordsWithSpace } from 'diff';
import {
  BLOCK_CHANGES,
  type BlockChange,
  type BlockComparison,
  type ComparedSide,
  type Draft,
  type DraftComparison,
  type NumberedBlock,
  type PmNodeJson,
  type VersionRef,
  type WordDiff,
} from '@standpunt/shared';
import { HttpError } from '../http/HttpError.js';
import { canonicalJson } from './canonicalJson.js';
import { longestIncreasingSubsequence } from './longestIncreasingSubsequence.js';
import { plainText } from './plainText.js';

/** A draft, or the live text, as far as comparing goes. */
export interface ComparableVersion {
  paperId: string;
  ref: VersionRef;
  content: PmNodeJson;
  numbering: NumberedBlock[];
}

export function versionOf(draft: Draft): ComparableVersion {
  const { paperId, number, content, numbering } = draft;
  return { paperId, ref: number, content, numbering };
}

interface Entry {
  /** The block id, or null when it has none or repeats an earlier block's id. */
  key: string | null;
  node: PmNodeJson;
  side: ComparedSide;
}

function entriesOf(version: ComparableVersion): Entry[] {
  const seen = new Set<string>();
  return (version.content.content ?? []).map((node, index) => {
    const numbered = version.numbering[index];
    const id = numbered?.id ?? null;
    const key = id !== null && !seen.has(id) ? id : null;
    if (key !== null) seen.add(key);
    const side = { kind: node.type, number: numbered?.number ?? null, text: plainText(node) };
    return { key, node, side };
  });
}

function wordDiff(from: string, to: string): WordDiff[] {
  return diffWordsWithSpace(from, to).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }));
}

const START = Symbol('start');

/**
 * Compares two versions of one paper, matching blocks by id: what was added, removed, moved
 * (out of the order the others kept), changed or left alone, with word-level differences inside
 * changed blocks. Versions of different papers are refused (400): their block ids are unrelated.
 */
export function compareDrafts(from: ComparableVersion, to: ComparableVersion): DraftComparison {
  if (from.paperId !== to.paperId) {
    throw new HttpError(
      'bad_request',
      'Versies van verschillende positionpapers kunnen niet met elkaar worden vergeleken.',
    );
  }
  const older = entriesOf(from);
  const newer = entriesOf(to);
  const olderIndex = new Map<string, number>();
  older.forEach((entry, index) => entry.key !== null && olderIndex.set(entry.key, index));
  const newerKeys = new Set(newer.map((entry) => entry.key).filter((key) => key !== null));

  // Blocks in both versions keep their place when they lie on the longest run that kept its
  // relative order; every other common block counts as moved.
  const common = newer.filter((entry) => entry.key !== null && olderIndex.has(entry.key));
  const stayed = new Set(
    longestIncreasingSubsequence(common.map((entry) => olderIndex.get(entry.key!)!)).map(
      (position) => common[position]!.key,
    ),
  );

  // A removed block is listed after the last block before it (in the older version) that
  // is still there, so it shows where it was.
  const removedAfter = new Map<string | typeof START, BlockComparison[]>();
  let anchor: string | typeof START = START;
  for (const entry of older) {
    if (entry.key !== null && newerKeys.has(entry.key)) {
      anchor = entry.key;
      continue;
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push(comparison(entry.key, 'removed', entry, null));
    removedAfter.set(anchor, list);
  }

  const blocks: BlockComparison[] = [...(removedAfter.get(START) ?? [])];
  for (const entry of newer) {
    const before = entry.key === null ? undefined : older[olderIndex.get(entry.key) ?? -1];
    if (!before) {
      blocks.push(comparison(entry.key, 'added', null, entry));
      continue;
    }
    const edited = canonicalJson(before.node) !== canonicalJson(entry.node);
    const change = !stayed.has(entry.key) ? 'moved' : edited ? 'changed' : 'unchanged';
    blocks.push(comparison(entry.key, change, before, entry, edited));
    blocks.push(...(removedAfter.get(entry.key!) ?? []));
  }

  const counts = Object.fromEntries(BLOCK_CHANGES.map((c) => [c, 0])) as Record<
    BlockChange,
    number
  >;
  for (const block of blocks) counts[block.change]++;
  return { paperId: to.paperId, from: from.ref, to: to.ref, blocks, counts };
}

function comparison(
  blockId: string | null,
  change: BlockChange,
  from: Entry | null,
  to: Entry | null,
  edited = false,
): BlockComparison {
  return {
    blockId,
    change,
    from: from?.side ?? null,
    to: to?.side ?? null,
    textChanged: edited,
    words: edited && from && to ? wordDiff(from.side.text, to.side.text) : null,
  };
}
