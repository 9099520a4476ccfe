/**
 * The top-level blocks of the live text, numbered as drafts number them (paragraphs 1, 2, 3 …;
 * headings as sections 1, 1.1), so the sidebar names a block the way the reactienota cites it.
 */
import { BLOCK_ID_ATTRIBUTE, blockCitation } from '@standpunt/shared';
import type { Node as PmNode } from '@tiptap/pm/model';

const MAX_SECTION_DEPTH = 3;
const EXCERPT_LENGTH = 60;

export interface LiveBlock {
  id: string;
  /** Position of the block in the ProseMirror document. */
  pos: number;
  /** How the block is cited: `3`, `§ 1.2`, or null for an empty block. */
  citation: string | null;
  /** The start of its text, for labels. */
  excerpt: string;
}

/** Every top-level block that has an id, in document order. */
export function liveBlocks(doc: PmNode): LiveBlock[] {
  let paragraphs = 0;
  const sections = new Array<number>(MAX_SECTION_DEPTH).fill(0);
  const blocks: LiveBlock[] = [];
  doc.forEach((block, pos) => {
    const text = block.textContent.trim();
    let number: string | null = null;
    if (text.length > 0) {
      if (block.type.name === 'heading') {
        const level = Math.min(MAX_SECTION_DEPTH, Math.max(1, Number(block.attrs.level) || 1));
        sections[level - 1] = (sections[level - 1] ?? 0) + 1;
        sections.fill(0, level);
        number = sections.slice(0, level).join('.');
      } else {
        number = String(++paragraphs);
      }
    }
    const id = block.attrs[BLOCK_ID_ATTRIBUTE] as unknown;
    if (typeof id !== 'string' || id.length === 0) return;
    blocks.push({
      id,
      pos,
      citation: blockCitation({ kind: block.type.name, number }),
      excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text,
    });
  });
  return blocks;
}

/** The id of the top-level block around `pos`, or null. */
export function blockIdAt(doc: PmNode, pos: number): string | null {
  const clamped = Math.max(0, Math.min(doc.content.size, pos));
  const $pos = doc.resolve(clamped);
  const block = $pos.depth >= 1 ? $pos.node(1) : $pos.nodeAfter;
  const id = block?.attrs[BLOCK_ID_ATTRIBUTE] as unknown;
  return typeof id === 'string' && id.length > 0 ? id : null;
}
