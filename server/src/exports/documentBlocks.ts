/**
 * A draft's ProseMirror JSON as the few shapes every renderer draws, so each export format
 * walks the same, already-checked structure. Link targets are checked here once: only http,
 * https and mailto become links; anything else is kept as plain text.
 */
import {
  isAllowedLinkHref,
  type Draft,
  type NumberedBlock,
  type PmNodeJson,
} from '@standpunt/shared';

export type Inline =
  | { type: 'text'; text: string; bold: boolean; italic: boolean; href: string | null }
  | { type: 'break' };

export type Block =
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'heading'; level: number; inlines: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'blockquote'; children: Block[] };

/** A top-level block with its number from the draft's numbering. */
export interface NumberedDocumentBlock {
  block: Block;
  numbered: NumberedBlock;
}

function inlinesOf(node: PmNodeJson): Inline[] {
  return (node.content ?? []).flatMap((child): Inline[] => {
    if (child.type === 'hardBreak') return [{ type: 'break' }];
    if (child.type !== 'text' || !child.text) return [];
    const marks = child.marks ?? [];
    const link = marks.find((mark) => mark.type === 'link');
    const href = typeof link?.attrs?.href === 'string' ? link.attrs.href : null;
    return [
      {
        type: 'text',
        text: child.text,
        bold: marks.some((mark) => mark.type === 'bold'),
        italic: marks.some((mark) => mark.type === 'italic'),
        href: href !== null && isAllowedLinkHref(href) ? href : null,
      },
    ];
  });
}

export function blockOf(node: PmNodeJson): Block {
  switch (node.type) {
    case 'heading':
      return {
        type: 'heading',
        level: Math.min(3, Math.max(1, Number(node.attrs?.level) || 1)),
        inlines: inlinesOf(node),
      };
    case 'bulletList':
    case 'orderedList':
      return {
        type: 'list',
        ordered: node.type === 'orderedList',
        start: Math.max(0, Math.floor(Number(node.attrs?.start ?? 1)) || 1),
        items: (node.content ?? []).map((item) => (item.content ?? []).map(blockOf)),
      };
    case 'blockquote':
      return { type: 'blockquote', children: (node.content ?? []).map(blockOf) };
    default:
      // paragraph, and anything unknown is shown as its text rather than lost
      return { type: 'paragraph', inlines: inlinesOf(node) };
  }
}

/** The draft's top-level blocks with their numbers, in document order. */
export function documentBlocks(
  draft: Pick<Draft, 'content' | 'numbering'>,
): NumberedDocumentBlock[] {
  return (draft.content.content ?? []).map((node, index) => ({
    block: blockOf(node),
    numbered: draft.numbering[index] ?? { id: null, kind: node.type, number: null },
  }));
}
