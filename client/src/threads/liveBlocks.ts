/**
 * The top-level blocks of the live text, numbered as drafts number them (paragraphs 1, 2, 3 …;
 * headings as sections 1, 1.1), so the sidebar names a block the way the reactienota cites it.
 */
import { BLOCK_ID_ATTRIBUTE, BlockNumberer, blockCitation } from '@standpunt/shared';
import type { Node as PmNode } from '@tiptap/pm/model';
import { sameItems } from '../state/sameItems';

const EXCERPT_LENGTH = 60;

export interface LiveBlock {
  id: string;
  /** How the block is cited: `3`, `§ 1.2`, or null for an empty block. */
  citation: string | null;
  /** The start of its text, for labels. */
  excerpt: string;
}

/**
 * The trimmed text of each block seen. Nodes are immutable and an edit replaces only the
 * nodes it touches, so after a keystroke all blocks but one are found here.
 */
const blockTexts = new WeakMap<PmNode, string>();

function blockText(block: PmNode): string {
  let text = blockTexts.get(block);
  if (text === undefined) {
    text = block.textContent.trim();
    blockTexts.set(block, text);
  }
  return text;
}

function excerptOf(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

/** Every top-level block that has an id, in document order. */
export function liveBlocks(doc: PmNode): LiveBlock[] {
  const numberer = new BlockNumberer();
  const blocks: LiveBlock[] = [];
  doc.forEach((block) => {
    const text = blockText(block);
    const number = numberer.next(block.type.name, block.attrs.level, text.length > 0);
    const id = block.attrs[BLOCK_ID_ATTRIBUTE] as unknown;
    if (typeof id !== 'string' || id.length === 0) return;
    blocks.push({
      id,
      citation: blockCitation({ kind: block.type.name, number }),
      excerpt: excerptOf(text),
    });
  });
  return blocks;
}

/**
 * Whether `next` has the same blocks as `previous`, numbered and named alike, judged without
 * building the list: blocks an edit did not touch are the same nodes, and a touched block
 * counts as the same while its type, attributes and excerpt are.
 */
export function sameBlockOutline(previous: PmNode, next: PmNode): boolean {
  if (previous.childCount !== next.childCount) return false;
  for (let i = 0; i < next.childCount; i++) {
    const before = previous.child(i);
    const after = next.child(i);
    if (before === after) continue;
    if (!before.sameMarkup(after) || excerptOf(blockText(before)) !== excerptOf(blockText(after))) {
      return false;
    }
  }
  return true;
}

/** Whether two lists name the same blocks the same way (where they are does not count). */
export function sameBlocks(a: readonly LiveBlock[], b: readonly LiveBlock[]): boolean {
  return sameItems(
    a,
    b,
    (x, y) => x.id === y.id && x.citation === y.citation && x.excerpt === y.excerpt,
  );
}

/** The id of the top-level block around `pos`, or null. */
export function blockIdAt(doc: PmNode, pos: number): string | null {
  const clamped = Math.max(0, Math.min(doc.content.size, pos));
  const $pos = doc.resolve(clamped);
  const block = $pos.depth >= 1 ? $pos.node(1) : $pos.nodeAfter;
  const id = block?.attrs[BLOCK_ID_ATTRIBUTE] as unknown;
  return typeof id === 'string' && id.length > 0 ? id : null;
}
